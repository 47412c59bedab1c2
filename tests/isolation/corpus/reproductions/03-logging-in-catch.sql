BEGIN TRY
    EXEC etl.load_brokers
END TRY
BEGIN CATCH
    EXEC log.Writer @message = 'load failed', @severity = 16
    UPDATE [audit].[load_log] SET status = 'failed' WHERE run_id = 1
END CATCH
