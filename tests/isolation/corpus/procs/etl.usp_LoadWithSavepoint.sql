CREATE PROCEDURE etl.usp_LoadWithSavepoint
AS
BEGIN
    SET NOCOUNT ON
    BEGIN TRAN load_all
    INSERT INTO dbo.Regions (RegionId, RegionName, Country) SELECT RegionId, RegionName, Country FROM stage.Regions
    SAVE TRAN after_regions
    BEGIN TRY
        INSERT INTO dbo.Brokers (BrokerCode, BrokerName, RegionId)
        SELECT broker_code, broker_name, r.RegionId FROM stage.Brokers b JOIN dbo.Regions r ON r.RegionName = b.region
    END TRY
    BEGIN CATCH
        ROLLBACK TRAN after_regions
        PRINT ERROR_MESSAGE()
    END CATCH
    COMMIT TRAN load_all
END
GO
