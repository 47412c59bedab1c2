-- construct: SCOPE_IDENTITY() and @@IDENTITY
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/scope-identity-transact-sql
-- The batch id an ETL log row gets, taken in the batch or procedure that inserted it;
-- @@IDENTITY is the session's last value, whichever scope generated it.
DROP PROCEDURE IF EXISTS dbo.usp_conf_log_step;
DROP TABLE IF EXISTS dbo.conf_load_batch;
DROP TABLE IF EXISTS dbo.conf_load_step;
GO
CREATE TABLE dbo.conf_load_batch (BatchId INT IDENTITY(1,1) PRIMARY KEY, Label NVARCHAR(20) NOT NULL);
CREATE TABLE dbo.conf_load_step (
    StepId INT IDENTITY(100,10) PRIMARY KEY, BatchId INT NOT NULL, Label NVARCHAR(20) NOT NULL
);
GO
PRINT ISNULL(CAST(SCOPE_IDENTITY() AS VARCHAR(10)), 'null');
-- prints: null
INSERT INTO dbo.conf_load_batch (Label) VALUES (N'first');
PRINT SCOPE_IDENTITY();
-- prints: 1
INSERT INTO dbo.conf_load_batch (Label) VALUES (N'second'), (N'third'), (N'fourth');
PRINT CAST(SCOPE_IDENTITY() AS INT);
-- prints: 4
PRINT CAST(@@IDENTITY AS INT);
-- prints: 4
INSERT INTO dbo.conf_load_batch (Label) SELECT Label FROM dbo.conf_load_batch WHERE 1 = 0;
PRINT CAST(SCOPE_IDENTITY() AS INT);
-- prints: 4
DECLARE @batch INT = SCOPE_IDENTITY();
UPDATE dbo.conf_load_batch SET Label = N'ended' WHERE BatchId = @batch;
PRINT (SELECT Label FROM dbo.conf_load_batch WHERE BatchId = 4);
-- prints: ended
GO
PRINT ISNULL(CAST(SCOPE_IDENTITY() AS VARCHAR(10)), 'null');
-- prints: null
PRINT CAST(@@IDENTITY AS INT);
-- prints: 4
GO
CREATE PROCEDURE dbo.usp_conf_log_step @batch INT AS
    INSERT INTO dbo.conf_load_step (BatchId, Label) VALUES (@batch, N'step');
    PRINT CONCAT('inner ', CAST(SCOPE_IDENTITY() AS INT));
GO
INSERT INTO dbo.conf_load_batch (Label) VALUES (N'fifth');
EXEC dbo.usp_conf_log_step 5;
-- prints: inner 100
PRINT CONCAT('scope ', CAST(SCOPE_IDENTITY() AS INT));
-- prints: scope 5
PRINT CONCAT('session ', CAST(@@IDENTITY AS INT));
-- prints: session 100
EXEC dbo.usp_conf_log_step 5;
-- prints: inner 110
EXEC ('INSERT INTO dbo.conf_load_batch (Label) VALUES (N''dynamic'')');
PRINT CONCAT('after EXEC ', CAST(SCOPE_IDENTITY() AS INT), ' ', CAST(@@IDENTITY AS INT));
-- prints: after EXEC 5 6
CREATE TABLE #conf_load_rows (RowId INT IDENTITY(7,1), Label NVARCHAR(20) NOT NULL);
INSERT INTO #conf_load_rows (Label) VALUES (N'a'), (N'b');
PRINT CONCAT('temp ', CAST(SCOPE_IDENTITY() AS INT));
-- prints: temp 8
DROP TABLE #conf_load_rows;
DROP PROCEDURE dbo.usp_conf_log_step;
DROP TABLE dbo.conf_load_batch;
DROP TABLE dbo.conf_load_step;
