-- construct: SET NOCOUNT / XACT_ABORT in a procedure, restored when it returns
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/set-statements-transact-sql
DROP PROCEDURE IF EXISTS dbo.usp_conf_options;
GO
CREATE PROCEDURE dbo.usp_conf_options
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    PRINT CONCAT('inside ', @@OPTIONS & 512, ' ', @@OPTIONS & 16384);
END
GO
SET NOCOUNT OFF;
SET XACT_ABORT OFF;
PRINT CONCAT('before ', @@OPTIONS & 512, ' ', @@OPTIONS & 16384);
-- prints: before 0 0
EXEC dbo.usp_conf_options;
-- prints: inside 512 16384
-- A SET statement run in a stored procedure is restored when the procedure returns.
PRINT CONCAT('after ', @@OPTIONS & 512, ' ', @@OPTIONS & 16384);
-- prints: after 0 0
SET NOCOUNT ON;
PRINT CONCAT('batch ', @@OPTIONS & 512);
-- prints: batch 512
SET NOCOUNT OFF;
DROP PROCEDURE dbo.usp_conf_options;
