/*
    37-export-claims.sql
    New claims -> [dbo].[Claims].
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[Claims]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[Claims] (
        [ClaimNumber]   NVARCHAR(30)    NOT NULL,
        [PolicyNumber]  NVARCHAR(30)    NOT NULL,
        [LossDate]      DATE            NULL,
        [ReportedDate]  DATE            NULL,
        [ReportLagDays] INT             NULL,
        [ClaimAmount]   DECIMAL(12, 2)  NOT NULL,
        [Status]        NVARCHAR(20)    NOT NULL,
        [LoadedAt]      DATETIME2       NOT NULL,
        CONSTRAINT [PK_Claims] PRIMARY KEY ([ClaimNumber])
    );
    PRINT N'Created [dbo].[Claims]';
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();
DECLARE @inserted INT;

BEGIN TRY
    INSERT INTO [dbo].[Claims]
        ([ClaimNumber], [PolicyNumber], [LossDate], [ReportedDate], [ReportLagDays],
         [ClaimAmount], [Status], [LoadedAt])
    SELECT  s.claim_number, s.policy_number, s.loss_date, s.reported_date, s.report_lag_days,
            s.claim_amount, s.status, @load_ts
    FROM [etl].[stg_claims] AS s
    WHERE NOT EXISTS (SELECT 1 FROM [dbo].[Claims] AS d WHERE d.[ClaimNumber] = s.claim_number);
    SET @inserted = @@ROWCOUNT;
    PRINT CONCAT(N'[dbo].[Claims]: ', @inserted, N' new claims');
END TRY
BEGIN CATCH
    DECLARE @message NVARCHAR(2048) = N'37-export-claims: ' + ERROR_MESSAGE();
    THROW 50037, @message, 1;
END CATCH
GO
