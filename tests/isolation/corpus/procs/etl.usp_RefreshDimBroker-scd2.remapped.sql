CREATE PROCEDURE [sbx_etl].[usp_RefreshDimBroker]
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @now DATETIME2(0) = SYSUTCDATETIME();

    BEGIN TRY
        BEGIN TRAN;

        UPDATE d
        SET    d.[ValidTo] = @now, d.[IsCurrent] = 0
        FROM   [sbx_dw].[DimBroker] AS d
        JOIN   [sbx_dbo].[Brokers] AS b ON b.[BrokerCode] = d.[BrokerCode]
        WHERE  d.[IsCurrent] = 1 AND d.[BrokerName] <> b.[BrokerName];

        INSERT INTO [sbx_dw].[DimBroker] ([BrokerCode], [BrokerName], [RegionName], [ValidFrom], [IsCurrent])
        SELECT b.[BrokerCode], b.[BrokerName], r.[RegionName], @now, 1
        FROM   [sbx_dbo].[Brokers] AS b
        LEFT JOIN [sbx_dbo].[Regions] AS r ON r.[RegionId] = b.[RegionId]
        WHERE  NOT EXISTS (SELECT 1 FROM [sbx_dw].[DimBroker] AS d
                           WHERE d.[BrokerCode] = b.[BrokerCode] AND d.[IsCurrent] = 1);

        COMMIT TRAN;
    END TRY
    BEGIN CATCH
        IF XACT_STATE() <> 0 ROLLBACK TRAN;
        DECLARE @msg NVARCHAR(2048) = ERROR_MESSAGE();
        RAISERROR (N'usp_RefreshDimBroker: %s', 16, 1, @msg);
        RETURN -1;
    END CATCH;
    RETURN 0;
END;
GO
