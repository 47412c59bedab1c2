-- construct: OUTPUT deleted.* INTO table (DELETE)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/queries/output-clause-transact-sql
-- The documentation's queue example, with a table in place of the table variable.
DROP TABLE IF EXISTS dbo.table1;
DROP TABLE IF EXISTS dbo.table1_deleted;
CREATE TABLE dbo.table1 (id INT, employee VARCHAR(32));
CREATE TABLE dbo.table1_deleted (id INT, employee VARCHAR(32));
INSERT INTO dbo.table1 VALUES (1, 'Fred'), (2, 'Tom'), (3, 'Sally'), (4, 'Alice');
DELETE FROM dbo.table1
OUTPUT DELETED.* INTO dbo.table1_deleted
WHERE id = 4 OR id = 2;
-- @@ROWCOUNT is the number of rows the DELETE removed.
PRINT @@ROWCOUNT;
-- prints: 2
DECLARE @left VARCHAR(100), @deleted VARCHAR(100);
SELECT @left = STRING_AGG(CONCAT(id, ' ', employee), ', ') WITHIN GROUP (ORDER BY id)
FROM dbo.table1;
SELECT @deleted = STRING_AGG(CONCAT(id, ' ', employee), ', ') WITHIN GROUP (ORDER BY id)
FROM dbo.table1_deleted;
PRINT 'table1, after delete: ' + @left;
-- prints: table1, after delete: 1 Fred, 3 Sally
PRINT 'deleted: ' + @deleted;
-- prints: deleted: 2 Tom, 4 Alice
DROP TABLE dbo.table1;
DROP TABLE dbo.table1_deleted;
