-- construct: COL_LENGTH's value (the column's length in bytes)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/col-length-transact-sql
DROP TABLE IF EXISTS dbo.customers;
-- The engines do not keep whether a column is NVARCHAR (two bytes a character) or VARCHAR.
CREATE TABLE dbo.customers (id INT NOT NULL, name NVARCHAR(50) NULL);
PRINT 'created';
-- prints: created
PRINT COL_LENGTH('dbo.customers', 'name');
-- compat on duckdb, postgres at 8:7: COL_LENGTH()
