INSERT INTO [sbx_dbo].[Brokers] ([BrokerCode], [BrokerName], [RegionId])
SELECT s.[broker_code], s.[broker_name], r.[RegionId]
FROM [sbx_etl].[stg_brokers] AS s
LEFT JOIN [sbx_dbo].[Regions] AS r ON r.[RegionName] = s.[region]
WHERE NOT EXISTS (SELECT 1 FROM [sbx_dbo].[Brokers] AS b WHERE b.[BrokerCode] = s.[broker_code]);
