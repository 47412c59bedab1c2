-- A set of keys passed to a procedure as a table-valued parameter.
CREATE TYPE sbx_stage.OrderIdList AS TABLE (OrderId INT NOT NULL PRIMARY KEY)
GO
CREATE TYPE [sbx_stage].[OrderCode] FROM NVARCHAR(10) NOT NULL
GO
CREATE PROCEDURE sbx_stage.usp_LoadOrders
    @Ids sbx_stage.OrderIdList READONLY,
    @Code sbx_stage.OrderCode = N'ALL'
AS
SET NOCOUNT ON
INSERT INTO sbx_dbo.Orders (OrderId, Code)
SELECT i.OrderId, @Code FROM @Ids AS i
GO
DECLARE @Ids AS sbx_stage.OrderIdList
INSERT INTO @Ids (OrderId) VALUES (1), (2)
EXEC sbx_stage.usp_LoadOrders @Ids = @Ids, @Code = N'EU'
GO
DROP TYPE IF EXISTS sbx_stage.OrderCode
GO
