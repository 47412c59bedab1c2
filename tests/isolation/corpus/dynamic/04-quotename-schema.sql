DECLARE @schema sysname = N'dw', @sql NVARCHAR(MAX) = N'';
SELECT @sql += N'TRUNCATE TABLE ' + QUOTENAME(@schema) + N'.' + QUOTENAME(name) + N';'
FROM sys.tables WHERE schema_id = SCHEMA_ID(@schema) AND name LIKE N'Fact%';
EXEC sys.sp_executesql @sql;
