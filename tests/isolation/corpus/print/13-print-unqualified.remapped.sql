PRINT 'legacy load into the default schema'
TRUNCATE TABLE sbx_dbo.BrokerStaging
INSERT INTO sbx_dbo.BrokerStaging (code, name) SELECT broker_code, broker_name FROM sbx_stage.Brokers
PRINT 'copied'
UPDATE sbx_dbo.Brokers SET BrokerName = bs.name FROM sbx_dbo.Brokers JOIN sbx_dbo.BrokerStaging bs ON bs.code = Brokers.BrokerCode
