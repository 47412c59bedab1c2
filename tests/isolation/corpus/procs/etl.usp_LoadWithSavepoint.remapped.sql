CREATE PROCEDURE sbx_etl.usp_LoadWithSavepoint
AS
BEGIN
    SET NOCOUNT ON
    BEGIN TRAN load_all
    INSERT INTO sbx_dbo.Regions (RegionId, RegionName, Country) SELECT RegionId, RegionName, Country FROM sbx_stage.Regions
    SAVE TRAN after_regions
    BEGIN TRY
        INSERT INTO sbx_dbo.Brokers (BrokerCode, BrokerName, RegionId)
        SELECT broker_code, broker_name, r.RegionId FROM sbx_stage.Brokers b JOIN sbx_dbo.Regions r ON r.RegionName = b.region
    END TRY
    BEGIN CATCH
        ROLLBACK TRAN after_regions
        PRINT ERROR_MESSAGE()
    END CATCH
    COMMIT TRAN load_all
END
GO
