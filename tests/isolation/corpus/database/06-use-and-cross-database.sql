USE [Warehouse];
GO
INSERT INTO stage.Brokers (broker_code, broker_name, region)
SELECT code, name, region FROM SourceCrm.dbo.Brokers;
GO
SELECT COUNT(*) FROM tempdb.sys.objects WHERE name LIKE '#premium%';
GO
