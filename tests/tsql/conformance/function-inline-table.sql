-- construct: CREATE FUNCTION ... RETURNS TABLE, an inline table-valued function
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-function-transact-sql
DROP FUNCTION IF EXISTS dbo.ufn_conf_sales;
DROP TABLE IF EXISTS dbo.conf_sales;
GO
CREATE TABLE dbo.conf_sales (store INT, product NVARCHAR(10), qty INT);
INSERT INTO dbo.conf_sales VALUES (1, N'a', 3), (1, N'b', 4), (2, N'a', 10);
GO
CREATE FUNCTION dbo.ufn_conf_sales (@storeid INT)
RETURNS TABLE
AS
RETURN
(
    SELECT product, SUM(qty) AS Total
    FROM dbo.conf_sales
    WHERE store = @storeid
    GROUP BY product
);
GO
DECLARE @list NVARCHAR(100);
SELECT @list = STRING_AGG(CONCAT(product, ':', Total), ', ') WITHIN GROUP (ORDER BY product)
FROM dbo.ufn_conf_sales(1);
PRINT @list;
-- prints: a:3, b:4
SELECT @list = STRING_AGG(CONCAT(s.store, '/', f.product), ', ') WITHIN GROUP (ORDER BY s.store)
FROM (SELECT DISTINCT store FROM dbo.conf_sales) AS s
CROSS APPLY dbo.ufn_conf_sales(s.store) AS f
WHERE f.product = N'a';
PRINT @list;
-- prints: 1/a, 2/a
IF OBJECT_ID(N'dbo.ufn_conf_sales', N'IF') IS NOT NULL PRINT 'an inline function';
-- prints: an inline function
DROP FUNCTION dbo.ufn_conf_sales;
DROP TABLE dbo.conf_sales;
