PRINT 'Loading regions'
DELETE FROM sbx_dbo.Regions WHERE RegionId NOT IN (SELECT RegionId FROM sbx_stage.Regions)
PRINT 'Deleted: ' + CAST(@@ROWCOUNT AS VARCHAR(10))
UPDATE r SET r.RegionName = s.RegionName FROM sbx_dbo.Regions r JOIN sbx_stage.Regions s ON s.RegionId = r.RegionId
PRINT 'Updated: ' + CAST(@@ROWCOUNT AS VARCHAR(10))
INSERT INTO sbx_dbo.Regions (RegionId, RegionName, Country)
SELECT s.RegionId, s.RegionName, s.Country FROM sbx_stage.Regions s
WHERE NOT EXISTS (SELECT 1 FROM sbx_dbo.Regions r WHERE r.RegionId = s.RegionId)
PRINT 'Inserted: ' + CAST(@@ROWCOUNT AS VARCHAR(10))
