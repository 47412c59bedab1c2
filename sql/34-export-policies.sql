/*
    34-export-policies.sql
    New policies -> [dbo].[Policies]. Additive only: a policy already in production
    keeps its production row; amendments flow through the policy-admin system.
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[Policies]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[Policies] (
        [PolicyNumber]   NVARCHAR(30)    NOT NULL,
        [ClientCode]     NVARCHAR(20)    NOT NULL,
        [BrokerCode]     NVARCHAR(20)    NOT NULL,
        [GroupCode]      NVARCHAR(20)    NULL,
        [ProductCode]    NVARCHAR(20)    NOT NULL,
        [Line]           NVARCHAR(20)    NOT NULL,
        [Status]         NVARCHAR(20)    NOT NULL,
        [StartDate]      DATE            NOT NULL,
        [EndDate]        DATE            NOT NULL,
        [TermMonths]     INT             NOT NULL,
        [AnnualPremium]  DECIMAL(12, 2)  NOT NULL,
        [MonthlyPremium] DECIMAL(12, 2)  NOT NULL,
        [CurrencyCode]   NVARCHAR(5)     NOT NULL,
        [IsGroupPolicy]  BIT             NOT NULL,
        [LoadedAt]       DATETIME2       NOT NULL,
        CONSTRAINT [PK_Policies] PRIMARY KEY ([PolicyNumber])
    );
    PRINT N'Created [dbo].[Policies]';
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();
DECLARE @inserted INT = 0;
DECLARE @message NVARCHAR(2048);

BEGIN TRY
    INSERT INTO [dbo].[Policies]
        ([PolicyNumber], [ClientCode], [BrokerCode], [GroupCode], [ProductCode], [Line],
         [Status], [StartDate], [EndDate], [TermMonths], [AnnualPremium], [MonthlyPremium],
         [CurrencyCode], [IsGroupPolicy], [LoadedAt])
    SELECT  s.policy_number, s.client_code, s.broker_code, s.group_code, s.product_code,
            s.line, s.status, s.start_date, s.end_date, s.term_months, s.annual_premium,
            s.monthly_premium, s.currency_code, s.is_group_policy, @load_ts
    FROM [etl].[stg_policies] AS s
    WHERE NOT EXISTS (
        SELECT 1 FROM [dbo].[Policies] AS d WHERE d.[PolicyNumber] = s.policy_number
    );
    SET @inserted = @@ROWCOUNT;
    PRINT CONCAT(N'[dbo].[Policies]: ', @inserted, N' new policies');
END TRY
BEGIN CATCH
    SET @message = CONCAT(N'34-export-policies failed: ', ERROR_MESSAGE());
    PRINT @message;
    THROW;
END CATCH
GO
