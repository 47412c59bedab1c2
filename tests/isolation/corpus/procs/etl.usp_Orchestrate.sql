CREATE PROCEDURE etl.usp_Orchestrate
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @RunId UNIQUEIDENTIFIER = NEWID(), @rc INT;

    PRINT 'Run ' + CONVERT(VARCHAR(36), @RunId) + ' starting';
    EXEC @rc = etl.usp_LoadBrokers @RunId = @RunId;
    IF @rc <> 0 GOTO failed;
    EXEC @rc = etl.usp_LoadPolicies;
    IF @rc <> 0 GOTO failed;
    EXEC etl.usp_RefreshDimBroker;
    PRINT 'Run finished';
    RETURN 0;

failed:
    EXEC log.usp_WriteError @ProcedureName = N'etl.usp_Orchestrate';
    RETURN 1;
END
GO
