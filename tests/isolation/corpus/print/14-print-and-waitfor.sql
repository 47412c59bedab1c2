PRINT 'waiting for the upstream file'
WAITFOR DELAY '00:00:05'
PRINT 'checking'
IF NOT EXISTS (SELECT 1 FROM stage.FileArrivals WHERE FileName LIKE 'policies_%')
    RAISERROR('file not arrived', 16, 1)
ELSE
    UPDATE stage.FileArrivals SET ProcessedAt = GETDATE() WHERE ProcessedAt IS NULL
