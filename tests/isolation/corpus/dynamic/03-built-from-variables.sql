DECLARE @table sysname = N'Policies', @sql NVARCHAR(MAX);
SET @sql = N'ALTER INDEX ALL ON dbo.' + QUOTENAME(@table) + N' REBUILD';
EXEC (@sql);
