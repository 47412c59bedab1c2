-- construct: CREATE VIEW … WITH SCHEMABINDING
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-view-transact-sql
-- SCHEMABINDING ties the view to its tables' definitions; the rows it shows are the same.
DROP VIEW IF EXISTS dbo.bound_totals;
DROP TABLE IF EXISTS dbo.bound_orders;
CREATE TABLE dbo.bound_orders (id INT, amount INT);
INSERT INTO dbo.bound_orders VALUES (1, 10), (2, 32);
GO
CREATE VIEW dbo.bound_totals WITH SCHEMABINDING AS
SELECT COUNT_BIG(*) AS orders, SUM(amount) AS total FROM dbo.bound_orders;
GO
DECLARE @text VARCHAR(20);
SELECT @text = CONCAT(orders, ' ', total) FROM dbo.bound_totals;
PRINT @text;
-- prints: 2 42
DROP VIEW dbo.bound_totals;
DROP TABLE dbo.bound_orders;
