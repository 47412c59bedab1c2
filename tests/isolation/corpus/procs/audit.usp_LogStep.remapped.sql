CREATE PROCEDURE sbx_audit.usp_LogStep
    @RunId    UNIQUEIDENTIFIER,
    @StepName NVARCHAR(128),
    @Status   VARCHAR(10),
    @Rows     INT = NULL,
    @Message  NVARCHAR(4000) = NULL
AS
BEGIN
    SET NOCOUNT ON
    IF @Status = 'started'
        INSERT INTO sbx_audit.LoadLog (RunId, StepName, Status) VALUES (@RunId, @StepName, @Status)
    ELSE
        UPDATE sbx_audit.LoadLog
        SET Status = @Status, RowsAffected = @Rows, Message = @Message, LoggedAt = SYSUTCDATETIME()
        WHERE RunId = @RunId AND StepName = @StepName AND Status = 'started'
END
GO
