CREATE PROCEDURE [etl].[usp_PurgeStage]
AS
BEGIN
    SET NOCOUNT ON
    BEGIN TRY
        TRUNCATE TABLE [stage].[Brokers]
        TRUNCATE TABLE [stage].[Policies]
        TRUNCATE TABLE [stage].[Claims]
        DELETE FROM [stage].[PolicyLoad] WHERE [LoadedAt] < DATEADD(DAY, -30, SYSUTCDATETIME())
    END TRY
    BEGIN CATCH
        EXEC [log].[usp_WriteError]
        ;THROW
    END CATCH
END
GO
