-- construct: UPDATE ... WHERE CURRENT OF (updating through a cursor)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/queries/update-transact-sql
-- compat on duckdb, postgres at 8:62: DECLARE CURSOR ... FOR UPDATE
-- compat on duckdb, postgres at 12:48: WHERE CURRENT OF
DROP TABLE IF EXISTS dbo.conf_cursor_rows;
CREATE TABLE dbo.conf_cursor_rows (id INT, done INT);
INSERT INTO dbo.conf_cursor_rows VALUES (1, 0);
DECLARE c CURSOR FOR SELECT id FROM dbo.conf_cursor_rows FOR UPDATE;
OPEN c;
DECLARE @id INT;
FETCH NEXT FROM c INTO @id;
UPDATE dbo.conf_cursor_rows SET done = 1 WHERE CURRENT OF c;
CLOSE c;
DEALLOCATE c;
PRINT (SELECT done FROM dbo.conf_cursor_rows);
-- prints: 1
DROP TABLE dbo.conf_cursor_rows;
