-- construct: ##global temp tables and SELECT ... INTO #temp in a procedure
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-table-transact-sql
DROP PROCEDURE IF EXISTS dbo.usp_conf_global;
DROP TABLE IF EXISTS ##conf_shared;
GO
CREATE PROCEDURE dbo.usp_conf_global
AS
BEGIN
    SELECT 7 AS n INTO ##conf_shared;
    SELECT n * 2 AS n INTO #local_copy FROM ##conf_shared;
    PRINT (SELECT n FROM #local_copy);
END
GO
EXEC dbo.usp_conf_global;
-- prints: 14
-- A global temporary table lasts until the session that created it ends.
PRINT (SELECT n FROM ##conf_shared);
-- prints: 7
PRINT IIF(OBJECT_ID(N'tempdb..#local_copy') IS NULL, 'local gone', 'local kept');
-- prints: local gone
DROP TABLE ##conf_shared;
DROP PROCEDURE dbo.usp_conf_global;
