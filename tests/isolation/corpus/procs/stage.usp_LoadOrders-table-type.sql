-- A set of keys passed to a procedure as a table-valued parameter.
CREATE TYPE stage.OrderIdList AS TABLE (OrderId INT NOT NULL PRIMARY KEY)
GO
CREATE TYPE [stage].[OrderCode] FROM NVARCHAR(10) NOT NULL
GO
CREATE PROCEDURE stage.usp_LoadOrders
    @Ids stage.OrderIdList READONLY,
    @Code stage.OrderCode = N'ALL'
AS
SET NOCOUNT ON
INSERT INTO dbo.Orders (OrderId, Code)
SELECT i.OrderId, @Code FROM @Ids AS i
GO
DECLARE @Ids AS stage.OrderIdList
INSERT INTO @Ids (OrderId) VALUES (1), (2)
EXEC stage.usp_LoadOrders @Ids = @Ids, @Code = N'EU'
GO
DROP TYPE IF EXISTS stage.OrderCode
GO
