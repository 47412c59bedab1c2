IF EXISTS (SELECT 1 FROM sbx_stage.Brokers WHERE broker_code IS NULL) BEGIN PRINT 'null codes found' END DELETE FROM sbx_stage.Brokers WHERE broker_code IS NULL
PRINT 'cleaned' TRUNCATE TABLE sbx_stage.BrokerErrors
