-- construct: OUTPUT $action, inserted (MERGE)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/merge-transact-sql
-- $action is INSERT, UPDATE or DELETE for each row.
DROP TABLE IF EXISTS dbo.merge_target;
DROP TABLE IF EXISTS dbo.merge_source;
DROP TABLE IF EXISTS dbo.merge_log;
CREATE TABLE dbo.merge_target (id INT PRIMARY KEY, qty INT);
CREATE TABLE dbo.merge_source (id INT, qty INT);
CREATE TABLE dbo.merge_log (action NVARCHAR(10), id INT, qty INT);
INSERT INTO dbo.merge_target VALUES (1, 10), (2, 20);
INSERT INTO dbo.merge_source VALUES (1, 11), (3, 33);
MERGE dbo.merge_target AS t USING dbo.merge_source AS s ON t.id = s.id
WHEN MATCHED THEN UPDATE SET qty = s.qty
WHEN NOT MATCHED BY TARGET THEN INSERT (id, qty) VALUES (s.id, s.qty)
OUTPUT $action, inserted.id, inserted.qty INTO dbo.merge_log;
PRINT @@ROWCOUNT;
-- prints: 2
DECLARE @log NVARCHAR(200);
SELECT @log = STRING_AGG(CONCAT(action, N' ', id, N' ', qty), N', ') WITHIN GROUP (ORDER BY id)
FROM dbo.merge_log;
PRINT @log;
-- prints: UPDATE 1 11, INSERT 3 33
DROP TABLE dbo.merge_target;
DROP TABLE dbo.merge_source;
DROP TABLE dbo.merge_log;
