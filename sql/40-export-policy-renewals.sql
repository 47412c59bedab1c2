/*
    40-export-policy-renewals.sql
    In-force policies come up for renewal the day after they end -> [dbo].[PolicyRenewals].
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[PolicyRenewals]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[PolicyRenewals] (
        [PolicyNumber]    NVARCHAR(30)    NOT NULL,
        [RenewalDate]     DATE            NOT NULL,
        [BrokerCode]      NVARCHAR(20)    NOT NULL,
        [ExpiringPremium] DECIMAL(12, 2)  NOT NULL,
        [LoadedAt]        DATETIME2       NOT NULL,
        CONSTRAINT [PK_PolicyRenewals] PRIMARY KEY ([PolicyNumber], [RenewalDate])
    );
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();
DECLARE @inserted INT = 0;

BEGIN TRY
    INSERT INTO [dbo].[PolicyRenewals]
        ([PolicyNumber], [RenewalDate], [BrokerCode], [ExpiringPremium], [LoadedAt])
    SELECT  p.policy_number,
            DATEADD(DAY, 1, p.end_date),
            p.broker_code,
            p.annual_premium,
            @load_ts
    FROM [etl].[stg_policies] AS p
    WHERE p.status = 'IN_FORCE'
      AND NOT EXISTS (
            SELECT 1
            FROM [dbo].[PolicyRenewals] AS d
            WHERE d.[PolicyNumber] = p.policy_number
              AND d.[RenewalDate] = DATEADD(DAY, 1, p.end_date)
      );
    SET @inserted = @@ROWCOUNT;
    PRINT CONCAT(N'[dbo].[PolicyRenewals]: ', @inserted, N' renewals scheduled');
END TRY
BEGIN CATCH
    THROW;
END CATCH
GO
