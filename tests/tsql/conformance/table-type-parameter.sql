-- construct: CREATE TYPE ... AS TABLE, DECLARE @t of a table type, a table-valued parameter (READONLY) passed by position or by name, DROP TYPE
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/tables/use-table-valued-parameters-database-engine
-- "Table-valued parameters are declared by using user-defined table types" and "must be
-- passed as input READONLY parameters"; a variable of the type is declared like any
-- local variable, filled with INSERT, and passed to the procedure, which reads its rows.
-- The type's PRIMARY KEY and NOT NULL hold as a table's do (CREATE TYPE: the column
-- definitions and constraints of CREATE TABLE).
DROP PROCEDURE IF EXISTS dbo.usp_conf_order_total;
DROP TABLE IF EXISTS dbo.conf_orders;
DROP TYPE IF EXISTS dbo.conf_order_ids;
GO
CREATE TYPE dbo.conf_order_ids AS TABLE (OrderId INT NOT NULL PRIMARY KEY);
GO
CREATE TABLE dbo.conf_orders (OrderId INT, Amount INT);
INSERT INTO dbo.conf_orders VALUES (1, 10), (2, 20), (3, 30);
GO
CREATE PROCEDURE dbo.usp_conf_order_total
    @Ids dbo.conf_order_ids READONLY,
    @Label NVARCHAR(10) = N'total'
AS
    PRINT CONCAT(@Label, N' ', (SELECT COUNT(*) FROM @Ids), N' ',
        ISNULL((SELECT SUM(o.Amount) FROM dbo.conf_orders AS o
                JOIN @Ids AS i ON i.OrderId = o.OrderId), 0));
GO
DECLARE @ids AS dbo.conf_order_ids;
INSERT INTO @ids (OrderId) VALUES (1), (3);
EXEC dbo.usp_conf_order_total @ids;
-- prints: total 2 40
EXEC dbo.usp_conf_order_total @Label = N'named', @Ids = @ids;
-- prints: named 2 40
BEGIN TRY
    INSERT INTO @ids (OrderId) VALUES (1);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 2627
BEGIN TRY
    INSERT INTO @ids (OrderId) VALUES (NULL);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 515
PRINT (SELECT COUNT(*) FROM @ids);
-- prints: 2
GO
DROP PROCEDURE dbo.usp_conf_order_total;
DROP TYPE dbo.conf_order_ids;
