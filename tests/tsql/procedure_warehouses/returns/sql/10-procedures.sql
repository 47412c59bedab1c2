/* 10-procedures.sql: the procedures of the returns load */
CREATE OR ALTER PROCEDURE stage.usp_log
    @step NVARCHAR(40),
    @detail NVARCHAR(200) = NULL,
    @rc INT = NULL
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO stage.load_log (step, detail, rc) VALUES (@step, @detail, @rc);
END
GO

CREATE OR ALTER PROCEDURE stage.usp_price_return
    @request_ref NVARCHAR(20),
    @refund DECIMAL(10, 2) OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @order_id INT, @qty INT, @ordered_qty INT, @price DECIMAL(10, 2);
    -- #batch is created by the caller
    SELECT @order_id = b.order_id, @qty = b.qty FROM #batch AS b WHERE b.request_ref = @request_ref;
    SELECT @ordered_qty = o.Qty, @price = o.UnitPrice FROM sales.Orders AS o WHERE o.OrderId = @order_id;
    IF @price IS NULL
        RETURN 1;   -- unknown order
    IF @qty > @ordered_qty
        THROW 50010, N'Return quantity exceeds the ordered quantity', 1;
    SET @refund = @qty * @price;
    RETURN 0;
END
GO

CREATE OR ALTER PROCEDURE stage.usp_apply_return
    @request_ref NVARCHAR(20)
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    DECLARE @refund DECIMAL(10, 2), @rc INT;
    BEGIN TRY
        BEGIN TRANSACTION;
        EXEC @rc = stage.usp_price_return @request_ref = @request_ref, @refund = @refund OUTPUT;
        IF @rc <> 0
        BEGIN
            UPDATE stage.return_lines SET status = N'REJECTED' WHERE request_ref = @request_ref;
            EXEC stage.usp_log N'apply', @request_ref, @rc;
        END
        ELSE
        BEGIN
            UPDATE rl SET rl.refund_amount = @refund, rl.status = N'PRICED', rl.store_code = o.StoreCode
            FROM stage.return_lines AS rl
            JOIN sales.Orders AS o ON o.OrderId = rl.order_id
            WHERE rl.request_ref = @request_ref;
        END
        COMMIT TRANSACTION;
        RETURN @rc;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        IF ERROR_NUMBER() = 50010
        BEGIN
            UPDATE stage.return_lines SET status = N'TOO_MANY' WHERE request_ref = @request_ref;
            EXEC stage.usp_log @step = N'apply', @detail = @request_ref, @rc = 50010;
            RETURN 2;
        END;
        THROW;
    END CATCH
END
GO

CREATE OR ALTER PROCEDURE stage.usp_read_requests
    @since DATE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @requests INT;
    SELECT @requests = COUNT(*) FROM landing.return_requests;
    EXEC stage.usp_log N'read', NULL, @requests;
    SELECT r.request_ref, r.order_id, r.qty, NULLIF(r.reason, N'') AS reason
    FROM landing.return_requests AS r
    WHERE r.requested_at >= @since;
END
GO

CREATE OR ALTER PROCEDURE stage.usp_process_returns
    @processed INT OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    DECLARE @ref NVARCHAR(20), @rc INT;
    SET @processed = 0;

    CREATE TABLE #batch (request_ref NVARCHAR(20) NOT NULL, order_id INT NOT NULL, qty INT NOT NULL, reason NVARCHAR(40) NULL);
    INSERT INTO #batch (request_ref, order_id, qty, reason)
    EXEC stage.usp_read_requests @since = '2024-04-01';

    INSERT INTO stage.return_lines (request_ref, order_id, qty, reason)
    SELECT b.request_ref, b.order_id, b.qty, b.reason FROM #batch AS b
    WHERE NOT EXISTS (SELECT 1 FROM stage.return_lines AS x WHERE x.request_ref = b.request_ref);

    DECLARE return_cursor CURSOR LOCAL FAST_FORWARD FOR
        SELECT request_ref FROM #batch ORDER BY request_ref;
    OPEN return_cursor;
    FETCH NEXT FROM return_cursor INTO @ref;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        BEGIN TRY
            EXEC @rc = stage.usp_apply_return @ref;
            SET @processed += 1;
        END TRY
        BEGIN CATCH
            EXEC stage.usp_log N'process', @ref, -1;
            THROW;
        END CATCH
        FETCH NEXT FROM return_cursor INTO @ref;
    END
    CLOSE return_cursor;
    DEALLOCATE return_cursor;
    RETURN 0;
END
GO
