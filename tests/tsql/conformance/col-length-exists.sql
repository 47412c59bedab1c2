-- construct: COL_LENGTH(table, column) IS [NOT] NULL, as idempotent DDL tests for a column
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/col-length-transact-sql
DROP TABLE IF EXISTS dbo.customers;
CREATE TABLE dbo.customers (id INT NOT NULL, name NVARCHAR(50) NULL);
IF COL_LENGTH('dbo.customers', 'email') IS NULL
    ALTER TABLE dbo.customers ADD email NVARCHAR(100) NULL;
IF COL_LENGTH('dbo.customers', 'email') IS NOT NULL
    PRINT 'email added';
-- prints: email added
IF COL_LENGTH(N'[dbo].[customers]', N'EMAIL') IS NOT NULL
    PRINT 'names ignore case';
-- prints: names ignore case
IF COL_LENGTH('dbo.no_such_table', 'id') IS NULL
    PRINT 'no table, no column';
-- prints: no table, no column
