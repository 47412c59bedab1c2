BEGIN TRY
    EXEC sbx_etl.load_brokers
END TRY
BEGIN CATCH
    EXEC sbx_log.Writer @message = 'load failed', @severity = 16
    UPDATE [sbx_audit].[load_log] SET status = 'failed' WHERE run_id = 1
END CATCH
