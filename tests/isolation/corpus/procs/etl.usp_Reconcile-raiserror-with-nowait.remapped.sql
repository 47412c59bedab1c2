CREATE PROCEDURE sbx_etl.usp_Reconcile AS
BEGIN
    DECLARE @expected INT, @actual INT
    SELECT @expected = COUNT(*) FROM sbx_stage.Policies
    SELECT @actual = COUNT(*) FROM sbx_dbo.Policies WHERE LoadedAt >= CAST(GETDATE() AS DATE)
    RAISERROR('expected %d, actual %d', 0, 1, @expected, @actual) WITH NOWAIT
    IF @expected <> @actual
    BEGIN
        RAISERROR('reconciliation failed', 16, 1) WITH LOG
        UPDATE sbx_audit.LoadLog SET Status = 'failed' WHERE StepName = 'Reconcile'
        RETURN
    END
    UPDATE sbx_audit.LoadLog SET Status = 'ok' WHERE StepName = 'Reconcile'
END
GO
