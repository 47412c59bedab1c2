/* 30-export-returns.sql: additive export, audited */
SET XACT_ABORT ON;
BEGIN TRY
    BEGIN TRAN;
    MERGE [sales].[Returns] AS tgt
    USING (SELECT request_ref, order_id, qty, refund_amount, reason FROM stage.return_lines WHERE status = N'PRICED') AS src
        ON tgt.RequestRef = src.request_ref
    WHEN NOT MATCHED BY TARGET THEN
        INSERT (RequestRef, OrderId, Qty, RefundAmount, Reason)
        VALUES (src.request_ref, src.order_id, src.qty, src.refund_amount, src.reason)
    OUTPUT $action, inserted.RequestRef INTO ops.LoadAudit ([Action], RequestRef);
    IF @@TRANCOUNT > 0 COMMIT TRAN;
END TRY
BEGIN CATCH
    IF @@TRANCOUNT > 0 ROLLBACK TRAN;
    THROW;
END CATCH
GO
