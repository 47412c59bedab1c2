ALTER VIEW [stage].[vAllFeeds]
AS
SELECT N'policies' AS Feed, COUNT(*) AS Rows FROM [stage].[Policies]
UNION ALL
SELECT N'claims', COUNT(*) FROM [stage].[Claims]
UNION ALL
SELECT N'brokers', COUNT(*) FROM [stage].[Brokers];
GO
