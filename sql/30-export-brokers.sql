/*
    30-export-brokers.sql
    New brokers -> [dbo].[Brokers]. Additive: brokers already in production are left
    exactly as they are (changes go through the broker-maintenance process, not the load).
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[Brokers]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[Brokers] (
        [BrokerCode]     NVARCHAR(20)   NOT NULL,
        [BrokerName]     NVARCHAR(200)  NOT NULL,
        [Status]         NVARCHAR(20)   NOT NULL,
        [RegionCode]     NVARCHAR(10)   NULL,
        [Email]          NVARCHAR(200)  NULL,
        [Phone]          NVARCHAR(40)   NULL,
        [CommissionRate] DECIMAL(5, 4)  NOT NULL,
        [IsActive]       BIT            NOT NULL,
        [LoadedAt]       DATETIME2      NOT NULL,
        CONSTRAINT [PK_Brokers] PRIMARY KEY ([BrokerCode])
    );
    PRINT N'Created [dbo].[Brokers]';
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();
DECLARE @inserted INT = 0;

BEGIN TRY
    INSERT INTO [dbo].[Brokers]
        ([BrokerCode], [BrokerName], [Status], [RegionCode], [Email], [Phone],
         [CommissionRate], [IsActive], [LoadedAt])
    SELECT  s.broker_code, s.broker_name, s.status, s.region_code, s.email, s.phone,
            s.commission_rate, s.is_active, @load_ts
    FROM [etl].[stg_brokers] AS s
    WHERE NOT EXISTS (
        SELECT 1 FROM [dbo].[Brokers] AS d WHERE d.[BrokerCode] = s.broker_code
    );
    SET @inserted = @@ROWCOUNT;
    PRINT CONCAT(N'[dbo].[Brokers]: ', @inserted, N' new brokers');
END TRY
BEGIN CATCH
    PRINT N'30-export-brokers failed: ' + ERROR_MESSAGE();
    THROW;
END CATCH
GO
