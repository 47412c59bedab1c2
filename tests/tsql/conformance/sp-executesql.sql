-- construct: sp_executesql with typed parameters and OUTPUT
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/system-stored-procedures/sp-executesql-transact-sql
DROP TABLE IF EXISTS dbo.exec_orders;
CREATE TABLE dbo.exec_orders (CustomerID INT, SalesOrderNumber NVARCHAR(25));
INSERT INTO dbo.exec_orders VALUES (22276, N'SO1001'), (22276, N'SO1007'), (11000, N'SO0999');
-- The documented OUTPUT example, on this table.
DECLARE @SQLString NVARCHAR(500);
DECLARE @ParmDefinition NVARCHAR(500);
DECLARE @SalesOrderNumber NVARCHAR(25);
DECLARE @IntVariable INT;
SET @SQLString = N'SELECT @SalesOrderOUT = MAX(SalesOrderNumber)
    FROM dbo.exec_orders
    WHERE CustomerID = @CustomerID';
SET @ParmDefinition = N'@CustomerID int,
    @SalesOrderOUT nvarchar(25) OUTPUT';
SET @IntVariable = 22276;
EXECUTE sp_executesql
    @SQLString
    ,@ParmDefinition
    ,@CustomerID = @IntVariable
    ,@SalesOrderOUT = @SalesOrderNumber OUTPUT;
PRINT @SalesOrderNumber;
-- prints: SO1007
-- Parameters by position, and the statement's own variables stay its own.
DECLARE @count INT;
EXEC sp_executesql N'SELECT @n = COUNT(*) FROM dbo.exec_orders WHERE CustomerID = @c',
    N'@c INT, @n INT OUTPUT', 11000, @count OUTPUT;
PRINT @count;
-- prints: 1
-- A parameter that is not supplied is error 8178.
BEGIN TRY
    EXEC sp_executesql N'SELECT @p', N'@p INT';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 8178
-- @stmt must be Unicode: a plain character constant is error 214.
BEGIN TRY
    EXEC sp_executesql 'SELECT 1';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 214
DROP TABLE dbo.exec_orders;
