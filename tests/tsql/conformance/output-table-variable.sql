-- construct: OUTPUT ... INTO @table_variable
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/queries/output-clause-transact-sql
-- The documentation's DELETE example, as written: the deleted rows go to a table variable.
DROP TABLE IF EXISTS dbo.table1;
CREATE TABLE dbo.table1 (id INT, employee VARCHAR(32));
INSERT INTO dbo.table1 VALUES (1, 'Fred'), (2, 'Tom'), (3, 'Sally'), (4, 'Alice');
DECLARE @MyTableVar TABLE (id INT, employee VARCHAR(32));
DELETE FROM dbo.table1
OUTPUT DELETED.* INTO @MyTableVar
WHERE id = 4 OR id = 2;
DECLARE @deleted VARCHAR(100);
SELECT @deleted = STRING_AGG(CONCAT(id, ' ', employee), ', ') WITHIN GROUP (ORDER BY id)
FROM @MyTableVar;
PRINT '@MyTableVar, after delete: ' + @deleted;
-- prints: @MyTableVar, after delete: 2 Tom, 4 Alice
DROP TABLE dbo.table1;
