-- construct: CREATE TYPE ... FROM base_type [NOT NULL] (alias types) for variables, parameters and columns
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-type-transact-sql
-- "An alias data type is based on a SQL Server native system type": a variable, a
-- parameter or a column of the alias holds what its base type holds (an NVARCHAR(3)
-- keeps three characters, a DECIMAL(9, 2) rounds to two decimals). NOT NULL: "Specifies
-- whether the type can hold a null value", so a column of a NOT NULL alias refuses NULL.
DROP PROCEDURE IF EXISTS dbo.usp_conf_show_code;
DROP TABLE IF EXISTS dbo.conf_items;
DROP TYPE IF EXISTS dbo.conf_code;
DROP TYPE IF EXISTS dbo.conf_amount;
GO
CREATE TYPE dbo.conf_code FROM NVARCHAR(3) NOT NULL;
CREATE TYPE dbo.conf_amount FROM DECIMAL(9, 2);
GO
DECLARE @a dbo.conf_amount = 3.14159;
PRINT @a;
-- prints: 3.14
DECLARE @c dbo.conf_code = N'abcdef';
PRINT @c;
-- prints: abc
GO
CREATE PROCEDURE dbo.usp_conf_show_code @c dbo.conf_code, @a dbo.conf_amount = 1
AS
    PRINT CONCAT(@c, N'|', @a);
GO
EXEC dbo.usp_conf_show_code N'xyz', 2.5;
-- prints: xyz|2.50
CREATE TABLE dbo.conf_items (id INT, code dbo.conf_code, amount dbo.conf_amount);
INSERT INTO dbo.conf_items VALUES (1, N'abc', 1.234);
PRINT (SELECT CONCAT(code, N' ', amount) FROM dbo.conf_items);
-- prints: abc 1.23
BEGIN TRY
    INSERT INTO dbo.conf_items VALUES (2, NULL, 1);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 515
GO
DROP PROCEDURE dbo.usp_conf_show_code;
DROP TABLE dbo.conf_items;
DROP TYPE dbo.conf_code;
DROP TYPE dbo.conf_amount;
