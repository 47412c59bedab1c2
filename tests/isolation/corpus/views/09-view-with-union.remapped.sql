ALTER VIEW [sbx_stage].[vAllFeeds]
AS
SELECT N'policies' AS Feed, COUNT(*) AS Rows FROM [sbx_stage].[Policies]
UNION ALL
SELECT N'claims', COUNT(*) FROM [sbx_stage].[Claims]
UNION ALL
SELECT N'brokers', COUNT(*) FROM [sbx_stage].[Brokers];
GO
