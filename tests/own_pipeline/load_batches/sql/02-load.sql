/* 02-load.sql: open a batch, load, log the step, close the batch by its id. */
SET NOCOUNT ON;
PRINT CONCAT(N'last batch ', IDENT_CURRENT('etl.LoadBatch'));

INSERT INTO etl.LoadBatch (StartedAt) VALUES (SYSUTCDATETIME());
DECLARE @batch INT = SCOPE_IDENTITY();

INSERT INTO etl.Customer (Code, Name) VALUES (N'C2', N'Grace'), (N'C3', N'Linus');
DECLARE @rows INT = @@ROWCOUNT;

EXEC etl.usp_log_step @batch = @batch, @step = N'customers';
PRINT CONCAT(N'batch ', SCOPE_IDENTITY(), N', last identity ', @@IDENTITY);

UPDATE etl.LoadBatch SET EndedAt = SYSUTCDATETIME(), RowsLoaded = @rows WHERE BatchId = @batch;
GO
