-- construct: EXEC errors: missing, extra and unknown arguments, a missing procedure, nesting beyond 32
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/errors-events/database-engine-events-and-errors
DROP PROCEDURE IF EXISTS dbo.usp_conf_two;
DROP PROCEDURE IF EXISTS dbo.usp_conf_deep;
GO
CREATE PROCEDURE dbo.usp_conf_two @a INT, @b INT = 2
AS
    PRINT @a + @b;
GO
CREATE PROCEDURE dbo.usp_conf_deep
AS
BEGIN
    EXEC dbo.usp_conf_deep;
END
GO
-- 201: a parameter without a default that is not supplied.
BEGIN TRY
    EXEC dbo.usp_conf_two @b = 1;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 201
-- 8144: more arguments than parameters.
BEGIN TRY
    EXEC dbo.usp_conf_two 1, 2, 3;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 8144
-- 8145: a name that is no parameter of the procedure.
BEGIN TRY
    EXEC dbo.usp_conf_two @a = 1, @c = 3;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 8145
-- 2812: a procedure that does not exist.
BEGIN TRY
    EXEC dbo.usp_conf_missing;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 2812
-- 217: nesting deeper than 32 levels.
BEGIN TRY
    EXEC dbo.usp_conf_deep;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 217
EXEC dbo.usp_conf_two 40;
-- prints: 42
DROP PROCEDURE dbo.usp_conf_two;
DROP PROCEDURE dbo.usp_conf_deep;
