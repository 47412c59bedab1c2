/* 20-run-returns.sql */
SET XACT_ABORT ON;
DECLARE @n INT, @rc INT;
EXEC @rc = stage.usp_process_returns @processed = @n OUTPUT;
IF @rc <> 0 THROW 50001, N'usp_process_returns failed', 1;
PRINT CONCAT(N'processed ', @n, N' return requests');
GO
