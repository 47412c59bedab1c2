CREATE PROCEDURE sbx_etl.usp_ProcessQueue
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @id INT, @batch INT = 0;
    WHILE 1 = 1
    BEGIN
        SELECT TOP (1) @id = QueueId FROM sbx_etl.Queue WITH (READPAST, UPDLOCK) WHERE Status = 'new' ORDER BY QueueId;
        IF @@ROWCOUNT = 0 BREAK;
        UPDATE sbx_etl.Queue SET Status = 'busy' WHERE QueueId = @id;
        EXEC sbx_etl.usp_ProcessItem @id;
        UPDATE sbx_etl.Queue SET Status = 'done' WHERE QueueId = @id;
        SET @batch += 1;
        IF @batch >= 1000 BREAK ELSE CONTINUE;
    END
    WAITFOR DELAY '00:00:01';
END
GO
