CREATE PROCEDURE audit.usp_LogStep
    @RunId    UNIQUEIDENTIFIER,
    @StepName NVARCHAR(128),
    @Status   VARCHAR(10),
    @Rows     INT = NULL,
    @Message  NVARCHAR(4000) = NULL
AS
BEGIN
    SET NOCOUNT ON
    IF @Status = 'started'
        INSERT INTO audit.LoadLog (RunId, StepName, Status) VALUES (@RunId, @StepName, @Status)
    ELSE
        UPDATE audit.LoadLog
        SET Status = @Status, RowsAffected = @Rows, Message = @Message, LoggedAt = SYSUTCDATETIME()
        WHERE RunId = @RunId AND StepName = @StepName AND Status = 'started'
END
GO
