/*
    02-functions.sql
    Two small functions the procedures share.
*/
CREATE OR ALTER FUNCTION etl.fn_net_change (@sold INT, @delivered INT)
RETURNS INT
AS
BEGIN
    RETURN ISNULL(@delivered, 0) - ISNULL(@sold, 0);
END;
GO

-- The open stores' stock of one product, as the run sees it before the day's movements.
CREATE OR ALTER FUNCTION etl.fn_open_stock (@sku NVARCHAR(12))
RETURNS TABLE
AS
RETURN
(
    SELECT sl.StoreId, sl.Sku, sl.OnHand
    FROM inv.StockLevels AS sl
    JOIN inv.Stores AS st ON st.StoreId = sl.StoreId
    WHERE st.IsOpen = 1 AND sl.Sku = @sku
);
GO
