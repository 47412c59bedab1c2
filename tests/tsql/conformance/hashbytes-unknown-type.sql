-- construct: HASHBYTES of a column or expression whose type the statement does not show
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/hashbytes-transact-sql
DROP TABLE IF EXISTS dbo.src;
-- The bytes hashed depend on the column's type, which is not known when the statement is
-- compiled: CAST the argument.
CREATE TABLE dbo.src (id INT NOT NULL, name NVARCHAR(20) NULL);
INSERT INTO dbo.src VALUES (1, N'a');
PRINT @@ROWCOUNT;
-- prints: 1
SELECT HASHBYTES('SHA2_256', name) FROM dbo.src;
-- compat on duckdb, postgres at 10:8: HASHBYTES()
