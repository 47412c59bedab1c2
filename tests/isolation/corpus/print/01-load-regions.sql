PRINT 'Loading regions'
DELETE FROM dbo.Regions WHERE RegionId NOT IN (SELECT RegionId FROM stage.Regions)
PRINT 'Deleted: ' + CAST(@@ROWCOUNT AS VARCHAR(10))
UPDATE r SET r.RegionName = s.RegionName FROM dbo.Regions r JOIN stage.Regions s ON s.RegionId = r.RegionId
PRINT 'Updated: ' + CAST(@@ROWCOUNT AS VARCHAR(10))
INSERT INTO dbo.Regions (RegionId, RegionName, Country)
SELECT s.RegionId, s.RegionName, s.Country FROM stage.Regions s
WHERE NOT EXISTS (SELECT 1 FROM dbo.Regions r WHERE r.RegionId = s.RegionId)
PRINT 'Inserted: ' + CAST(@@ROWCOUNT AS VARCHAR(10))
