IF NOT EXISTS (SELECT 1 FROM etl.Watermark WHERE SourceName = 'policies')
    PRINT 'first load'
ELSE
    PRINT 'incremental load'
INSERT INTO etl.Watermark (SourceName, LastValue, UpdatedAt)
SELECT 'policies', '1900-01-01', SYSUTCDATETIME()
WHERE NOT EXISTS (SELECT 1 FROM etl.Watermark WHERE SourceName = 'policies')
