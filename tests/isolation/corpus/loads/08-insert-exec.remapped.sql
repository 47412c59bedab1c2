CREATE TABLE #brokers (BrokerId INT, BrokerName NVARCHAR(200), RegionName NVARCHAR(100));
INSERT INTO #brokers (BrokerId, BrokerName, RegionName)
EXEC sbx_dbo.usp_GetBroker @BrokerCode = N'B001';
INSERT sbx_dbo.BrokerSnapshots EXEC ('SELECT BrokerId, BrokerName, GETDATE() FROM sbx_dbo.Brokers');
