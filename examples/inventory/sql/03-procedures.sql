/*
    03-procedures.sql
    The replenishment run is a chain of procedures, as the team runs it on the server:
    etl.usp_load_all stages the day's sales, applies them and the deliveries to each
    open store, and plans reorders; etl.usp_export_reorders then writes the plan and the
    new stock levels to production.
*/
CREATE OR ALTER PROCEDURE etl.usp_log
    @step NVARCHAR(200),
    @rows INT = NULL
AS
BEGIN
    SET NOCOUNT ON;
    -- Depth 1 is a step of the run, 2 a step of a step.
    INSERT INTO etl.RunLog (Step, RowsAffected, Depth) VALUES (@step, @rows, @@NESTLEVEL - 1);
END;
GO

CREATE OR ALTER PROCEDURE etl.usp_check_feed
    @business_date DATE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @ahead INT =
        (SELECT COUNT(*) FROM feed.Sales WHERE SoldAt >= DATEADD(DAY, 1, @business_date));
    IF @ahead > 0
    BEGIN
        DECLARE @message NVARCHAR(200) = CONCAT(
            N'the sales feed holds ', @ahead, N' receipts dated after ',
            CONVERT(NVARCHAR(10), @business_date, 23));
        THROW 50010, @message, 1;
    END
END;
GO

CREATE OR ALTER PROCEDURE etl.usp_stage_sales
    @business_date DATE,
    @staged INT OUTPUT,
    @rejected INT OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    BEGIN TRY
        EXEC etl.usp_check_feed @business_date;
    END TRY
    BEGIN CATCH
        -- Receipts from a later day are a warning: the day's own receipts still load.
        DECLARE @warning NVARCHAR(200) = CONCAT(
            N'warning ', ERROR_NUMBER(), N' from ', ERROR_PROCEDURE(), N': ', ERROR_MESSAGE());
        EXEC etl.usp_log @warning;
    END CATCH

    CREATE TABLE #receipts (
        ReceiptNo NVARCHAR(20) NOT NULL PRIMARY KEY,
        StoreId   INT NOT NULL,
        Sku       NVARCHAR(12) NOT NULL,
        SoldQty   INT NOT NULL,
        Problem   NVARCHAR(40) NULL
    );
    INSERT INTO #receipts (ReceiptNo, StoreId, Sku, SoldQty)
    SELECT ReceiptNo, StoreId, Sku, SoldQty
    FROM feed.Sales
    WHERE SoldAt >= @business_date AND SoldAt < DATEADD(DAY, 1, @business_date);

    UPDATE r
    SET Problem = CASE
        WHEN st.StoreId IS NULL THEN N'unknown store'
        WHEN st.IsOpen = 0 THEN N'store closed'
        WHEN p.Sku IS NULL THEN N'unknown product'
        WHEN r.SoldQty <= 0 THEN N'quantity not positive'
    END
    FROM #receipts AS r
    LEFT JOIN inv.Stores AS st ON st.StoreId = r.StoreId
    LEFT JOIN inv.Products AS p ON p.Sku = r.Sku;

    DELETE FROM etl.stg_rejects WHERE ReceiptNo IN (SELECT ReceiptNo FROM #receipts);
    INSERT INTO etl.stg_rejects (ReceiptNo, StoreId, Sku, SoldQty, Problem)
    SELECT ReceiptNo, StoreId, Sku, SoldQty, Problem FROM #receipts WHERE Problem IS NOT NULL;
    SET @rejected = @@ROWCOUNT;

    DELETE FROM etl.stg_sales WHERE BusinessDate = @business_date;
    INSERT INTO etl.stg_sales (BusinessDate, StoreId, Sku, SoldQty, Receipts)
    SELECT @business_date, StoreId, Sku, SUM(SoldQty), COUNT(*)
    FROM #receipts
    WHERE Problem IS NULL
    GROUP BY StoreId, Sku;
    SET @staged = @@ROWCOUNT;
    EXEC etl.usp_log N'stage sales', @staged;
END;
GO

CREATE OR ALTER PROCEDURE etl.usp_apply_movements
    @business_date DATE,
    @moved INT OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @store_id INT, @store_name NVARCHAR(60), @rows INT;
    SET @moved = 0;
    DELETE FROM etl.stg_movements WHERE BusinessDate = @business_date;

    DECLARE open_stores CURSOR LOCAL FAST_FORWARD FOR
        SELECT StoreId, StoreName FROM inv.Stores WHERE IsOpen = 1 ORDER BY StoreId;
    OPEN open_stores;
    FETCH NEXT FROM open_stores INTO @store_id, @store_name;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        EXEC sp_executesql
            N'INSERT INTO etl.stg_movements (BusinessDate, StoreId, Sku, Sold, Delivered, NetChange)
              SELECT @day, @store, p.Sku, ISNULL(s.SoldQty, 0), ISNULL(d.Quantity, 0),
                     etl.fn_net_change(s.SoldQty, d.Quantity)
              FROM inv.Products AS p
              LEFT JOIN etl.stg_sales AS s
                  ON s.Sku = p.Sku AND s.StoreId = @store AND s.BusinessDate = @day
              LEFT JOIN (SELECT Sku, SUM(Quantity) AS Quantity
                         FROM feed.Deliveries
                         WHERE StoreId = @store AND DeliveredOn = @day
                         GROUP BY Sku) AS d ON d.Sku = p.Sku
              WHERE s.Sku IS NOT NULL OR d.Sku IS NOT NULL;
              SET @count = @@ROWCOUNT;',
            N'@day DATE, @store INT, @count INT OUTPUT',
            @day = @business_date, @store = @store_id, @count = @rows OUTPUT;
        PRINT CONCAT(N'store ', @store_name, N': ', @rows, N' products moved');
        SET @moved += @rows;
        FETCH NEXT FROM open_stores INTO @store_id, @store_name;
    END
    CLOSE open_stores;
    DEALLOCATE open_stores;
    EXEC etl.usp_log N'apply movements', @moved;
END;
GO

CREATE OR ALTER PROCEDURE etl.usp_plan_reorders
    @business_date DATE,
    @planned INT OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @plan TABLE (
        StoreId  INT NOT NULL,
        Sku      NVARCHAR(12) NOT NULL,
        Quantity INT NOT NULL,
        PRIMARY KEY (StoreId, Sku)
    );
    DELETE FROM etl.stg_reorders WHERE BusinessDate = @business_date;
    -- Below its reorder point once the day's movements are in: order the usual quantity.
    INSERT INTO etl.stg_reorders (BusinessDate, StoreId, Sku, Projected, Quantity, EstimatedCost)
    OUTPUT inserted.StoreId, inserted.Sku, inserted.Quantity INTO @plan (StoreId, Sku, Quantity)
    SELECT @business_date, s.StoreId, p.Sku, s.OnHand + ISNULL(m.NetChange, 0),
           p.ReorderQty, p.ReorderQty * p.UnitCost
    FROM inv.Products AS p
    CROSS APPLY etl.fn_open_stock(p.Sku) AS s
    LEFT JOIN etl.stg_movements AS m
        ON m.BusinessDate = @business_date AND m.StoreId = s.StoreId AND m.Sku = p.Sku
    WHERE s.OnHand + ISNULL(m.NetChange, 0) < p.ReorderPoint;
    SET @planned = (SELECT COUNT(*) FROM @plan);
    EXEC etl.usp_log N'plan reorders', @planned;
END;
GO

CREATE OR ALTER PROCEDURE etl.usp_load_all
    @business_date DATE
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    DECLARE @staged INT, @rejected INT, @moved INT, @planned INT;
    EXEC etl.usp_log N'load started';
    BEGIN TRY
        EXEC etl.usp_stage_sales @business_date, @staged OUTPUT, @rejected OUTPUT;
        EXEC etl.usp_apply_movements @business_date, @moved OUTPUT;
        EXEC etl.usp_plan_reorders @business_date = @business_date, @planned = @planned OUTPUT;
    END TRY
    BEGIN CATCH
        DECLARE @failure NVARCHAR(200) = CONCAT(
            N'failed in ', ERROR_PROCEDURE(), N': ', ERROR_MESSAGE());
        EXEC etl.usp_log @failure;
        THROW;
    END CATCH
    PRINT CONCAT(N'staged ', @staged, N', rejected ', @rejected, N', moved ', @moved,
                 N', planned ', @planned);
    EXEC etl.usp_log N'load finished', @planned;
    RETURN 0;
END;
GO

CREATE OR ALTER PROCEDURE etl.usp_export_reorders
    @business_date DATE
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    DECLARE @requested INT, @updated INT;
    BEGIN TRY
        BEGIN TRANSACTION;
        INSERT INTO inv.ReorderRequests (StoreId, Sku, Quantity, EstimatedCost, BusinessDate)
        SELECT r.StoreId, r.Sku, r.Quantity, r.EstimatedCost, r.BusinessDate
        FROM etl.stg_reorders AS r
        WHERE r.BusinessDate = @business_date
          AND NOT EXISTS (SELECT 1 FROM inv.ReorderRequests AS q
                          WHERE q.StoreId = r.StoreId AND q.Sku = r.Sku
                            AND q.BusinessDate = r.BusinessDate);
        SET @requested = @@ROWCOUNT;

        UPDATE sl
        SET OnHand = sl.OnHand + m.NetChange, UpdatedOn = @business_date
        FROM inv.StockLevels AS sl
        JOIN etl.stg_movements AS m
            ON m.StoreId = sl.StoreId AND m.Sku = sl.Sku AND m.BusinessDate = @business_date
        WHERE sl.UpdatedOn < @business_date;
        SET @updated = @@ROWCOUNT;
        IF @updated = 0 AND EXISTS (SELECT 1 FROM etl.stg_movements WHERE BusinessDate = @business_date)
            THROW 50020, N'the stock levels already hold this date''s movements', 1;
        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF XACT_STATE() <> 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH
    EXEC etl.usp_log N'export reorders', @requested;
    EXEC etl.usp_log N'export stock levels', @updated;
END;
GO
