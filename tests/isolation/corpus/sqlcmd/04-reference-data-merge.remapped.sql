-- ReferenceData/Regions.sql, included by the post-deployment script
MERGE INTO [sbx_dbo].[Regions] AS tgt
USING (VALUES (1, N'North', 'NL'), (2, N'South', 'NL'), (3, N'Flanders', 'BE'))
    AS src ([RegionId], [RegionName], [Country])
ON tgt.[RegionId] = src.[RegionId]
WHEN MATCHED THEN UPDATE SET [RegionName] = src.[RegionName], [Country] = src.[Country]
WHEN NOT MATCHED BY TARGET THEN INSERT ([RegionId], [RegionName], [Country])
    VALUES (src.[RegionId], src.[RegionName], src.[Country]);
GO
