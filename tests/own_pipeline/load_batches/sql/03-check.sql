/* 03-check.sql: the batch this run opened is closed, with its count. */
SET NOCOUNT ON;
IF NOT EXISTS (
    SELECT 1 FROM etl.LoadBatch
    WHERE BatchId = IDENT_CURRENT('etl.LoadBatch') AND EndedAt IS NOT NULL AND RowsLoaded = 2
)
    THROW 50001, N'the batch this run opened was not closed', 1;
GO
