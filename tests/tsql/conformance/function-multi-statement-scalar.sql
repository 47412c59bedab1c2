-- construct: multi-statement scalar functions (a body of several statements before RETURN)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-function-transact-sql
-- compat on duckdb, postgres at 6:1: CREATE FUNCTION dbo.ufn_conf_steps
DROP FUNCTION IF EXISTS dbo.ufn_conf_steps;
GO
CREATE FUNCTION dbo.ufn_conf_steps (@n INT) RETURNS INT
AS
BEGIN
    DECLARE @twice INT = @n * 2;
    RETURN @twice + 1;
END;
GO
PRINT dbo.ufn_conf_steps(20);
-- prints: 41
GO
DROP FUNCTION dbo.ufn_conf_steps;
