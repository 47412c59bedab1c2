-- construct: CREATE [UNIQUE] [NON]CLUSTERED INDEX with INCLUDE, WHERE, WITH options and ON [PRIMARY]
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-index-transact-sql
DROP TABLE IF EXISTS dbo.orders;
CREATE TABLE dbo.orders (order_id INT NOT NULL, customer_id INT NOT NULL, status VARCHAR(10) NULL, amount DECIMAL(10, 2) NULL, external_ref VARCHAR(20) NULL);
CREATE CLUSTERED INDEX cx_orders ON dbo.orders (order_id);
CREATE NONCLUSTERED INDEX ix_orders_customer ON dbo.orders (customer_id ASC, status DESC) INCLUDE (amount) WITH (FILLFACTOR = 90, PAD_INDEX = OFF, SORT_IN_TEMPDB = ON) ON [PRIMARY];
CREATE INDEX ix_orders_open ON dbo.orders (status) WHERE status = 'open';
CREATE UNIQUE NONCLUSTERED INDEX ux_orders_ref ON dbo.orders (external_ref) WHERE external_ref IS NOT NULL;
INSERT INTO dbo.orders VALUES (1, 10, 'open', 5.00, NULL), (2, 10, 'done', 7.50, NULL), (3, 11, 'open', 1.00, 'R-1');
PRINT @@ROWCOUNT;
-- prints: 3
-- The filtered unique index lets NULLs repeat and refuses a second R-1. SQL Server
-- numbers that 2601 (a unique index), the engines 2627 (a unique constraint).
BEGIN TRY
    INSERT INTO dbo.orders VALUES (4, 12, 'open', 2.00, 'R-1');
END TRY
BEGIN CATCH
    PRINT CASE WHEN ERROR_NUMBER() IN (2601, 2627) THEN 'duplicate key' END;
END CATCH
-- prints: duplicate key
SELECT order_id, customer_id INTO #work FROM dbo.orders;
CREATE NONCLUSTERED INDEX ix_work ON #work (customer_id) INCLUDE (order_id);
DECLARE @n INT = (SELECT COUNT(*) FROM #work WHERE customer_id = 10);
PRINT @n;
-- prints: 2
DROP TABLE #work;
DROP INDEX ix_orders_open ON dbo.orders;
DROP INDEX IF EXISTS ix_orders_customer ON dbo.orders;
PRINT 'dropped';
-- prints: dropped
