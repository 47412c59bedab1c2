-- construct: SAVE TRANSACTION in a procedure that may be called inside a transaction (the savepoint template)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/language-elements/save-transaction-transact-sql
DROP PROCEDURE IF EXISTS dbo.usp_conf_save_tran;
DROP TABLE IF EXISTS dbo.conf_candidates;
GO
CREATE TABLE dbo.conf_candidates (candidate_id INT PRIMARY KEY, name NVARCHAR(20));
INSERT INTO dbo.conf_candidates VALUES (1, N'Ann'), (2, N'Bo'), (3, N'Cy');
GO
CREATE PROCEDURE dbo.usp_conf_save_tran @candidate_id INT
AS
BEGIN
    DECLARE @tran_counter INT = @@TRANCOUNT;
    IF @tran_counter > 0
        SAVE TRANSACTION ProcedureSave;
    ELSE
        BEGIN TRANSACTION;
    BEGIN TRY
        DELETE FROM dbo.conf_candidates WHERE candidate_id = @candidate_id;
        PRINT CONCAT('deleted ', @@ROWCOUNT, ' at trancount ', @@TRANCOUNT);
        IF @tran_counter = 0
            COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @tran_counter = 0
            ROLLBACK TRANSACTION;
        ELSE IF XACT_STATE() <> -1
            ROLLBACK TRANSACTION ProcedureSave;
        THROW;
    END CATCH
END;
GO
EXEC dbo.usp_conf_save_tran @candidate_id = 1;
-- prints: deleted 1 at trancount 1
BEGIN TRANSACTION Outer_Work;
EXEC dbo.usp_conf_save_tran @candidate_id = 2;
-- prints: deleted 1 at trancount 1
PRINT CONCAT('outer trancount ', @@TRANCOUNT);
-- prints: outer trancount 1
ROLLBACK TRANSACTION Outer_Work;
PRINT CONCAT('left ', (SELECT COUNT(*) FROM dbo.conf_candidates), ' trancount ', @@TRANCOUNT);
-- prints: left 2 trancount 0
BEGIN TRY
    SAVE TRANSACTION NoTransaction;
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), ' ', ERROR_MESSAGE());
END CATCH;
-- prints: 628 Cannot issue SAVE TRANSACTION when there is no active transaction.
BEGIN TRANSACTION;
BEGIN TRY
    ROLLBACK TRANSACTION NoSuchSavepoint;
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), ' ', ERROR_MESSAGE());
END CATCH;
-- prints: 6401 Cannot roll back NoSuchSavepoint. No transaction or savepoint of that name was found.
IF @@TRANCOUNT > 0 ROLLBACK;
DROP PROCEDURE dbo.usp_conf_save_tran;
DROP TABLE dbo.conf_candidates;
