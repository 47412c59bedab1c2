-- construct: #temp tables in procedures: seen by the procedures they call, dropped when their procedure ends
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-table-transact-sql
DROP PROCEDURE IF EXISTS dbo.usp_conf_outer;
DROP PROCEDURE IF EXISTS dbo.usp_conf_inner;
GO
CREATE PROCEDURE dbo.usp_conf_inner
AS
BEGIN
    INSERT INTO #work (x) VALUES (2);
    CREATE TABLE #inner_only (y INT);
END
GO
CREATE PROCEDURE dbo.usp_conf_outer
AS
BEGIN
    CREATE TABLE #work (x INT);
    INSERT INTO #work (x) VALUES (1);
    -- A nested procedure can reference the table its caller created.
    EXEC dbo.usp_conf_inner;
    PRINT CONCAT('outer sees ', (SELECT COUNT(*) FROM #work), ' rows');
    -- The nested procedure's own temp table went when it ended.
    PRINT IIF(OBJECT_ID(N'tempdb..#inner_only') IS NULL, 'inner table gone', 'inner table kept');
END
GO
EXEC dbo.usp_conf_outer;
-- prints: outer sees 2 rows
-- prints: inner table gone
-- The caller cannot reference a table its procedure created.
PRINT IIF(OBJECT_ID(N'tempdb..#work') IS NULL, 'work gone', 'work kept');
-- prints: work gone
-- A temp table created outside any procedure lasts for the session.
SELECT 1 AS x INTO #session_table;
GO
PRINT (SELECT COUNT(*) FROM #session_table);
-- prints: 1
DROP TABLE #session_table;
DROP PROCEDURE dbo.usp_conf_outer;
DROP PROCEDURE dbo.usp_conf_inner;
