-- construct: multi-statement functions (a body of several statements, RETURNS @table TABLE)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-function-transact-sql
-- compat on duckdb, postgres at 7:1: CREATE FUNCTION dbo.ufn_conf_steps
-- compat on duckdb, postgres at 17:44: RETURNS @table TABLE
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
CREATE FUNCTION dbo.ufn_conf_rows (@n INT) RETURNS @rows TABLE (n INT)
AS
BEGIN
    INSERT INTO @rows VALUES (@n);
    RETURN;
END;
GO
DROP FUNCTION dbo.ufn_conf_steps;
DROP FUNCTION IF EXISTS dbo.ufn_conf_rows;
