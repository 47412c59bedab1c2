-- construct: UPDATE STATISTICS, ALTER INDEX … REBUILD / REORGANIZE, CREATE COLUMNSTORE INDEX
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/alter-index-transact-sql
DROP TABLE IF EXISTS dbo.fact_sales;
-- They change how SQL Server stores and plans, not what a statement sees: the engines
-- check that the table exists and do nothing else.
CREATE TABLE dbo.fact_sales (sale_id INT NOT NULL, amount DECIMAL(10, 2) NOT NULL);
INSERT INTO dbo.fact_sales VALUES (1, 2.50), (2, 4.00);
CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_sales ON dbo.fact_sales;
CREATE NONCLUSTERED COLUMNSTORE INDEX ncci_fact_sales ON dbo.fact_sales (sale_id, amount);
ALTER INDEX ALL ON dbo.fact_sales REBUILD;
ALTER INDEX cci_fact_sales ON dbo.fact_sales REORGANIZE WITH (COMPRESS_ALL_ROW_GROUPS = ON);
ALTER INDEX ALL ON dbo.fact_sales REBUILD WITH (ONLINE = ON, MAXDOP = 4);
UPDATE STATISTICS dbo.fact_sales;
UPDATE STATISTICS dbo.fact_sales WITH FULLSCAN;
DECLARE @total DECIMAL(10, 2) = (SELECT SUM(amount) FROM dbo.fact_sales);
PRINT @total;
-- prints: 6.50
BEGIN TRY
    EXEC('ALTER INDEX ALL ON dbo.no_such_table REBUILD');
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 208
