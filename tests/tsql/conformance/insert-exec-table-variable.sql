-- construct: INSERT @table_variable EXEC
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/insert-transact-sql
-- The EXEC's code runs in a scope of its own: the interpreter inserts each result set
-- from there, where the caller's table variable is not declared. A #temp table works.
-- compat on duckdb, postgres at 7:8: INSERT @table EXEC
DECLARE @stock TABLE (sku NVARCHAR(10), qty INT);
INSERT @stock EXEC (N'SELECT N''A'', 5');
PRINT (SELECT COUNT(*) FROM @stock);
-- prints: 1
