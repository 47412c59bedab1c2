CREATE VIEW [sbx_dbo].[vActiveBrokers]
WITH SCHEMABINDING
AS
SELECT b.[BrokerId], b.[BrokerCode], b.[BrokerName], r.[RegionName]
FROM [sbx_dbo].[Brokers] AS b
INNER JOIN [sbx_dbo].[Regions] AS r ON r.[RegionId] = b.[RegionId]
WHERE b.[IsActive] = 1;
GO
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Brokers that can sell today.', @level0type = N'SCHEMA', @level0name = N'sbx_dbo', @level1type = N'VIEW', @level1name = N'vActiveBrokers';
GO
