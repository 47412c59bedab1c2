IF EXISTS (SELECT 1 FROM stage.Brokers WHERE broker_code IS NULL) BEGIN PRINT 'null codes found' END DELETE FROM stage.Brokers WHERE broker_code IS NULL
PRINT 'cleaned' TRUNCATE TABLE stage.BrokerErrors
