CREATE PROCEDURE [sbx_etl].[usp_LoadBrokers]
    @RunId UNIQUEIDENTIFIER
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    DECLARE @rows INT = 0;

    BEGIN TRY
        EXEC [sbx_audit].[usp_LogStep] @RunId = @RunId, @StepName = N'LoadBrokers', @Status = 'started';

        BEGIN TRANSACTION;
        MERGE [sbx_dbo].[Brokers] AS tgt
        USING (SELECT broker_code, broker_name FROM [sbx_stage].[Brokers]) AS src
            ON tgt.[BrokerCode] = src.broker_code
        WHEN MATCHED AND tgt.[BrokerName] <> src.broker_name THEN
            UPDATE SET tgt.[BrokerName] = src.broker_name
        WHEN NOT MATCHED BY TARGET THEN
            INSERT ([BrokerCode], [BrokerName]) VALUES (src.broker_code, src.broker_name);
        SET @rows = @@ROWCOUNT;
        COMMIT TRANSACTION;

        EXEC [sbx_audit].[usp_LogStep] @RunId = @RunId, @StepName = N'LoadBrokers', @Status = 'ok', @Rows = @rows;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        EXEC [sbx_log].[usp_WriteError] @ProcedureName = N'etl.usp_LoadBrokers';
        EXEC [sbx_audit].[usp_LogStep] @RunId = @RunId, @StepName = N'LoadBrokers', @Status = 'failed';
        THROW;
    END CATCH
END
GO
