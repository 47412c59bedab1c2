-- Guards that look schemas up by pattern.
IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name LIKE N'etl')
    EXEC (N'CREATE SCHEMA etl AUTHORIZATION dbo');
GO
DECLARE @tables INT = (
    SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA LIKE 'stag%');
PRINT CONCAT('staging tables: ', @tables);
GO
SELECT s.name, t.name
FROM sys.tables AS t
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
WHERE s.name NOT LIKE 'sbx[_]%' AND t.name LIKE 'etl%';
GO
SELECT ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA LIKE '[Ee]tl';
GO
