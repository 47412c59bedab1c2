/* 01-procedures.sql: every step of a batch logs itself and says which log row it wrote. */
CREATE PROCEDURE etl.usp_log_step
    @batch INT,
    @step NVARCHAR(50)
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO etl.LoadStep (BatchId, Step) VALUES (@batch, @step);
    PRINT CONCAT(N'step ', SCOPE_IDENTITY(), N' of batch ', @batch);
END
GO
