BEGIN TRY
    IF OBJECT_ID('etl.stg_brokers') IS NOT NULL
        DELETE FROM etl.stg_brokers
    INSERT INTO etl.stg_brokers (id) SELECT id FROM raw_data.brokers
END TRY
BEGIN CATCH
    PRINT 'failed'
END CATCH
