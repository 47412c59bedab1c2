INSERT INTO [dbo].[Brokers] ([BrokerCode], [BrokerName], [RegionId])
SELECT s.[broker_code], s.[broker_name], r.[RegionId]
FROM [etl].[stg_brokers] AS s
LEFT JOIN [dbo].[Regions] AS r ON r.[RegionName] = s.[region]
WHERE NOT EXISTS (SELECT 1 FROM [dbo].[Brokers] AS b WHERE b.[BrokerCode] = s.[broker_code]);
