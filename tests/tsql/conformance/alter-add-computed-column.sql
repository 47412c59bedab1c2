-- construct: ALTER TABLE … ADD a computed column
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/alter-table-computed-column-definition-transact-sql
DROP TABLE IF EXISTS dbo.lines;
CREATE TABLE dbo.lines (id INT NOT NULL, qty INT NOT NULL, price DECIMAL(10, 2) NOT NULL);
INSERT INTO dbo.lines VALUES (1, 3, 2.50);
PRINT @@ROWCOUNT;
-- prints: 1
ALTER TABLE dbo.lines ADD total AS (qty * price);
-- compat on duckdb, postgres at 8:33: computed column
