-- construct: ALTER TABLE … [WITH CHECK] ADD CONSTRAINT … CHECK (…), as SSMS scripts it
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/alter-table-table-constraint-transact-sql
DROP TABLE IF EXISTS dbo.prices;
CREATE TABLE dbo.prices (id INT NOT NULL, amount DECIMAL(10, 2) NOT NULL);
INSERT INTO dbo.prices VALUES (1, 2.50);
PRINT @@ROWCOUNT;
-- prints: 1
ALTER TABLE dbo.prices ADD CONSTRAINT CK_prices_amount CHECK (amount >= 0);
-- compat on duckdb at 8:28: ALTER TABLE … ADD CONSTRAINT … CHECK
BEGIN TRY
    INSERT INTO dbo.prices VALUES (2, -1.00);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 547
DROP TABLE dbo.prices;
