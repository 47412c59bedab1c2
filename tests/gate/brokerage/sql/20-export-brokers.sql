/*
    20-export-brokers.sql
    New brokers -> dbo.Brokers; brokers already there get their commission updated.
*/
SET NOCOUNT ON;

DECLARE @now DATETIME2 = SYSUTCDATETIME();

BEGIN TRY
    UPDATE b
       SET b.Commission = s.commission,
           b.UpdatedAt = @now
      FROM [dbo].[Brokers] AS b
      JOIN [etl].[stg_brokers] AS s ON s.broker_id = b.BrokerId
     WHERE b.Commission <> s.commission;

    INSERT INTO [dbo].[Brokers] (BrokerId, BrokerName, Region, Commission, UpdatedAt)
    SELECT s.broker_id, s.broker_name, s.region, s.commission, @now
    FROM [etl].[stg_brokers] AS s
    WHERE NOT EXISTS (SELECT 1 FROM [dbo].[Brokers] AS b WHERE b.BrokerId = s.broker_id);
END TRY
BEGIN CATCH
    PRINT N'20-export-brokers failed: ' + ERROR_MESSAGE();
    THROW;
END CATCH
GO
