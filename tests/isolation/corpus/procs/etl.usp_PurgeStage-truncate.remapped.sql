CREATE PROCEDURE [sbx_etl].[usp_PurgeStage]
AS
BEGIN
    SET NOCOUNT ON
    BEGIN TRY
        TRUNCATE TABLE [sbx_stage].[Brokers]
        TRUNCATE TABLE [sbx_stage].[Policies]
        TRUNCATE TABLE [sbx_stage].[Claims]
        DELETE FROM [sbx_stage].[PolicyLoad] WHERE [LoadedAt] < DATEADD(DAY, -30, SYSUTCDATETIME())
    END TRY
    BEGIN CATCH
        EXEC [sbx_log].[usp_WriteError]
        ;THROW
    END CATCH
END
GO
