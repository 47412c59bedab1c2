-- construct: CHECK constraint violated: error 547
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/errors-events/mssqlserver-547-database-engine-error
-- An INSERT or UPDATE that breaks a CHECK fails with 547 (a duplicate key is 2627).
DROP TABLE IF EXISTS dbo.check_amounts;
CREATE TABLE dbo.check_amounts (id INT PRIMARY KEY, amount DECIMAL(10, 2) CHECK (amount >= 0));
INSERT INTO dbo.check_amounts VALUES (1, 5.00);
BEGIN TRY
    INSERT INTO dbo.check_amounts VALUES (2, -1.00);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 547
BEGIN TRY
    UPDATE dbo.check_amounts SET amount = -2.00 WHERE id = 1;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 547
BEGIN TRY
    INSERT INTO dbo.check_amounts VALUES (1, 1.00);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 2627
DROP TABLE dbo.check_amounts;
