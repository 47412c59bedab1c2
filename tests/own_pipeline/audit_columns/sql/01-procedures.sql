/* 01-procedures.sql: the log every load step writes to. */
CREATE PROCEDURE ops.usp_log_step
    @step NVARCHAR(50),
    @rows INT
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO ops.load_log (step, rows_loaded, run_by, run_from)
    VALUES (@step, @rows, SUSER_SNAME(), HOST_NAME());
END
GO
