IF NOT EXISTS (
    SELECT 1 FROM INFORMATION_SCHEMA.COLUMNS
    WHERE TABLE_SCHEMA = N'dw' AND TABLE_NAME = N'DimProduct' AND COLUMN_NAME = N'SysStart'
)
    PRINT 'dw.DimProduct is not system-versioned yet';
