DECLARE @table sysname, @sql NVARCHAR(MAX);
DECLARE tables_cur CURSOR FOR
    SELECT t.name FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id WHERE s.name = 'stage';
OPEN tables_cur;
FETCH NEXT FROM tables_cur INTO @table;
WHILE @@FETCH_STATUS = 0
BEGIN
    SET @sql = N'TRUNCATE TABLE stage.' + QUOTENAME(@table);
    EXEC sp_executesql @sql;
    FETCH NEXT FROM tables_cur INTO @table;
END;
CLOSE tables_cur;
DEALLOCATE tables_cur;
