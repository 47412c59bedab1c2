-- construct: POWER of a column whose type the statement does not show
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/power-transact-sql
DROP TABLE IF EXISTS dbo.readings;
-- POWER returns the type of its first argument (int, decimal(38, s), float...), which is
-- not known for a column when the statement is compiled: CAST the first argument.
CREATE TABLE dbo.readings (id INT NOT NULL, ph DECIMAL(4, 2) NULL);
INSERT INTO dbo.readings VALUES (1, 7.00);
PRINT @@ROWCOUNT;
-- prints: 1
SELECT POWER(10, -ph) AS concentration, POWER(id, 2) AS squared FROM dbo.readings;
-- compat on duckdb, postgres at 10:41: POWER()
