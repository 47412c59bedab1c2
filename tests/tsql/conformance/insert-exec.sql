-- construct: INSERT ... EXEC (a procedure's result sets, EXEC (string), sp_executesql)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/insert-transact-sql
DROP PROCEDURE IF EXISTS dbo.usp_conf_stock;
DROP PROCEDURE IF EXISTS dbo.usp_conf_stock_copy;
DROP TABLE IF EXISTS dbo.conf_stock;
GO
CREATE TABLE dbo.conf_stock (sku NVARCHAR(10), qty INT);
INSERT INTO dbo.conf_stock VALUES (N'A', 5), (N'B', 0), (N'C', 12);
GO
-- Every result set of the procedure is inserted; a SELECT that assigns returns none.
CREATE PROCEDURE dbo.usp_conf_stock @min INT
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @total INT;
    SELECT @total = SUM(qty) FROM dbo.conf_stock;
    SELECT sku, qty FROM dbo.conf_stock WHERE qty >= @min ORDER BY sku;
    SELECT N'ALL', @total;
END
GO
CREATE TABLE #stock (sku NVARCHAR(10), qty INT);
INSERT INTO #stock (sku, qty) EXEC dbo.usp_conf_stock @min = 1;
PRINT @@ROWCOUNT;
-- prints: 3
INSERT #stock EXEC (N'SELECT N''D'', 7');
PRINT @@ROWCOUNT;
-- prints: 1
INSERT INTO #stock EXEC sp_executesql N'SELECT sku, qty * 10 FROM dbo.conf_stock WHERE sku = @s', N'@s NVARCHAR(10)', @s = N'B';
DECLARE @seen NVARCHAR(200);
SELECT @seen = STRING_AGG(CONCAT(sku, N'=', qty), N' ') WITHIN GROUP (ORDER BY sku) FROM #stock;
PRINT @seen;
-- prints: A=5 ALL=17 B=0 C=12 D=7
GO
-- An INSERT ... EXEC inside the EXEC of another is error 8164.
CREATE PROCEDURE dbo.usp_conf_stock_copy
AS
BEGIN
    CREATE TABLE #copied (sku NVARCHAR(10), qty INT);
    INSERT INTO #copied EXEC dbo.usp_conf_stock @min = 0;
    SELECT sku, qty FROM #copied;
END
GO
CREATE TABLE #collected (sku NVARCHAR(10), qty INT);
BEGIN TRY
    INSERT INTO #collected EXEC dbo.usp_conf_stock_copy;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 8164
PRINT (SELECT COUNT(*) FROM #collected);
-- prints: 0
DROP PROCEDURE dbo.usp_conf_stock_copy;
DROP PROCEDURE dbo.usp_conf_stock;
DROP TABLE dbo.conf_stock;
DROP TABLE #stock, #collected;
