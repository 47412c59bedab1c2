-- construct: ALTER TABLE … ADD a column with a DEFAULT (the rows already there)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/alter-table-transact-sql
-- Rows already in the table get NULL in a column that allows NULL (without WITH VALUES),
-- and the default in one that does not, a function's too (NEWID() differs per row);
-- rows inserted later get the default.
DROP TABLE IF EXISTS dbo.added_orders;
CREATE TABLE dbo.added_orders (id INT NOT NULL PRIMARY KEY, amount DECIMAL(9, 2) NOT NULL);
INSERT INTO dbo.added_orders VALUES (1, 10.00), (2, 20.00);
BEGIN TRANSACTION;
ALTER TABLE dbo.added_orders ADD region NVARCHAR(10) NULL
    CONSTRAINT DF_added_orders_region DEFAULT (N'north');
ALTER TABLE dbo.added_orders ADD loaded_at DATETIME2(0) NOT NULL
    CONSTRAINT DF_added_orders_loaded_at DEFAULT (SYSDATETIME());
ALTER TABLE dbo.added_orders ADD batch INT NOT NULL DEFAULT (7),
    row_key UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID(), note NVARCHAR(20) DEFAULT N'none';
COMMIT;
GO
INSERT INTO dbo.added_orders (id, amount) VALUES (3, 30.00);
PRINT (SELECT STRING_AGG(CONCAT(id, ':', ISNULL(region, N'-'), ':', batch, ':', ISNULL(note, N'-')), ',')
    WITHIN GROUP (ORDER BY id) FROM dbo.added_orders);
-- prints: 1:-:7:-,2:-:7:-,3:north:7:none
PRINT (SELECT CONCAT(COUNT(*), ' ', COUNT(DISTINCT row_key), ' ',
    SUM(IIF(ABS(DATEDIFF(minute, loaded_at, SYSDATETIME())) < 5, 1, 0))) FROM dbo.added_orders);
-- prints: 3 3 3
DROP TABLE dbo.added_orders;
