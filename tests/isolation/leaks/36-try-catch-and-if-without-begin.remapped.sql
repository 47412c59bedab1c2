BEGIN TRY
    IF OBJECT_ID('poc_etl.stg_brokers') IS NOT NULL
        DELETE FROM poc_etl.stg_brokers
    INSERT INTO poc_etl.stg_brokers (id) SELECT id FROM poc_raw_data.brokers
END TRY
BEGIN CATCH
    PRINT 'failed'
END CATCH
