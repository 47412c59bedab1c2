PRINT 'dbo.Brokers: refreshing'
UPDATE sbx_dbo.Brokers SET IsActive = 0 WHERE BrokerCode IN (SELECT broker_code FROM sbx_stage.InactiveBrokers)
PRINT N'dbo.Brokers: done'
RAISERROR('stage.InactiveBrokers was applied', 0, 1) WITH NOWAIT
