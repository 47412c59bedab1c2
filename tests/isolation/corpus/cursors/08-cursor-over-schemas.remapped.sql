-- Counts the rows of every table in the warehouse schemas.
DECLARE @schema sysname, @table sysname, @sql NVARCHAR(MAX)
DECLARE t CURSOR LOCAL FOR
    SELECT s.name, t.name FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id
    WHERE s.name IN ('sbx_dw', 'sbx_dbo')
OPEN t
FETCH NEXT FROM t INTO @schema, @table
WHILE @@FETCH_STATUS = 0
BEGIN
    SET @sql = N'INSERT INTO audit.RowCounts (SchemaName, TableName, Rows) SELECT @s, @t, COUNT(*) FROM '
             + QUOTENAME(@schema) + N'.' + QUOTENAME(@table)
    EXEC sp_executesql @sql, N'@s sysname, @t sysname', @s = @schema, @t = @table
    FETCH NEXT FROM t INTO @schema, @table
END
CLOSE t
DEALLOCATE t
