-- construct: TRY...CATCH across procedure calls, ERROR_PROCEDURE, ERROR_LINE, THROW
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/error-procedure-transact-sql
DROP PROCEDURE IF EXISTS dbo.usp_conf_ExampleProc;
DROP PROCEDURE IF EXISTS dbo.usp_conf_Wrapper;
GO
CREATE PROCEDURE dbo.usp_conf_ExampleProc
AS
    SELECT 1 / 0;
GO
CREATE PROCEDURE dbo.usp_conf_Wrapper
AS
BEGIN
    BEGIN TRY
        EXEC dbo.usp_conf_ExampleProc;
    END TRY
    BEGIN CATCH
        PRINT CONCAT('wrapper caught ', ERROR_NUMBER());
        THROW;
    END CATCH
END
GO
-- The error in the called procedure reaches the caller's CATCH block. SQL Server 2017
-- and later name the procedure with its schema; ERROR_LINE is its line in the routine.
BEGIN TRY
    EXECUTE dbo.usp_conf_ExampleProc;
END TRY
BEGIN CATCH
    PRINT ERROR_PROCEDURE();
    PRINT ERROR_LINE();
    PRINT ERROR_MESSAGE();
END CATCH;
-- prints: dbo.usp_conf_ExampleProc
-- prints: 3
-- prints: Divide by zero error encountered.
-- THROW without arguments re-raises the caught error to the next caller.
BEGIN TRY
    EXEC dbo.usp_conf_Wrapper;
END TRY
BEGIN CATCH
    PRINT CONCAT('outer caught ', ERROR_NUMBER(), ' from ', ERROR_PROCEDURE());
END CATCH;
-- prints: wrapper caught 8134
-- prints: outer caught 8134 from dbo.usp_conf_ExampleProc
-- Outside any procedure, ERROR_PROCEDURE is NULL.
BEGIN TRY
    SELECT 1 / 0;
END TRY
BEGIN CATCH
    PRINT ISNULL(ERROR_PROCEDURE(), 'NULL');
END CATCH;
-- prints: NULL
DROP PROCEDURE dbo.usp_conf_ExampleProc;
DROP PROCEDURE dbo.usp_conf_Wrapper;
