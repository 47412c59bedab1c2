-- construct: CREATE PROCEDURE / EXEC with positional and named arguments, defaults
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-procedure-transact-sql
DROP PROCEDURE IF EXISTS dbo.usp_conf_greet;
GO
CREATE PROCEDURE dbo.usp_conf_greet
    @name NVARCHAR(20),
    @greeting NVARCHAR(20) = N'Hello',
    @times INT = 1
AS
BEGIN
    SET NOCOUNT ON;
    PRINT CONCAT(@greeting, N', ', @name, N' x', @times);
END
GO
-- By position, with the defaults filled in.
EXEC dbo.usp_conf_greet N'Ann';
-- prints: Hello, Ann x1
EXEC dbo.usp_conf_greet N'Bob', N'Hi', 2;
-- prints: Hi, Bob x2
-- By name, in any order.
EXEC dbo.usp_conf_greet @times = 3, @name = N'Cy';
-- prints: Hello, Cy x3
-- DEFAULT takes the parameter's default.
EXEC dbo.usp_conf_greet N'Dee', DEFAULT, 4;
-- prints: Hello, Dee x4
-- An unquoted word is passed as a character string.
EXECUTE dbo.usp_conf_greet Eve;
-- prints: Hello, Eve x1
-- A variable, converted to the parameter's type.
DECLARE @n BIGINT = 5;
EXEC dbo.usp_conf_greet N'Fay', @times = @n;
-- prints: Hello, Fay x5
DROP PROCEDURE dbo.usp_conf_greet;
