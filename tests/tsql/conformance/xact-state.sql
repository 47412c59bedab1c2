-- construct: XACT_STATE() with SET XACT_ABORT ON
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/xact-state-transact-sql
DROP TABLE IF EXISTS dbo.conf_xact;
CREATE TABLE dbo.conf_xact (id INT PRIMARY KEY);
SET XACT_ABORT ON;
PRINT XACT_STATE();
-- prints: 0
BEGIN TRY
    BEGIN TRANSACTION;
    PRINT XACT_STATE();
    INSERT INTO dbo.conf_xact VALUES (1), (1);
    COMMIT TRANSACTION;
END TRY
BEGIN CATCH
    -- Under XACT_ABORT ON the error leaves the transaction uncommittable.
    PRINT XACT_STATE();
    IF XACT_STATE() = -1 ROLLBACK TRANSACTION;
END CATCH;
-- prints: 1
-- prints: -1
PRINT CONCAT(@@TRANCOUNT, ' ', (SELECT COUNT(*) FROM dbo.conf_xact));
-- prints: 0 0
SET XACT_ABORT OFF;
DROP TABLE dbo.conf_xact;
