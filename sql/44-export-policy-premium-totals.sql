/*
    44-export-policy-premium-totals.sql
    Billed, paid and outstanding premium per policy -> [dbo].[PolicyPremiumTotals].
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[PolicyPremiumTotals]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[PolicyPremiumTotals] (
        [PolicyNumber]      NVARCHAR(30)    NOT NULL,
        [InstalmentCount]   INT             NOT NULL,
        [BilledAmount]      DECIMAL(14, 2)  NOT NULL,
        [PaidAmount]        DECIMAL(14, 2)  NOT NULL,
        [OutstandingAmount] DECIMAL(14, 2)  NOT NULL,
        [LoadedAt]          DATETIME2       NOT NULL,
        CONSTRAINT [PK_PolicyPremiumTotals] PRIMARY KEY ([PolicyNumber])
    );
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();
DECLARE @inserted INT = 0;

BEGIN TRY
    IF OBJECT_ID('tempdb..#totals') IS NOT NULL
        DROP TABLE #totals;

    SELECT  policy_number,
            COUNT(*) AS instalment_count,
            SUM(amount) AS billed_amount,
            SUM(CASE WHEN is_paid = 1 THEN amount ELSE 0 END) AS paid_amount
    INTO #totals
    FROM [etl].[stg_premiums]
    GROUP BY policy_number;

    INSERT INTO [dbo].[PolicyPremiumTotals]
        ([PolicyNumber], [InstalmentCount], [BilledAmount], [PaidAmount], [OutstandingAmount],
         [LoadedAt])
    SELECT  t.policy_number,
            t.instalment_count,
            t.billed_amount,
            t.paid_amount,
            t.billed_amount - t.paid_amount,
            @load_ts
    FROM #totals AS t
    WHERE NOT EXISTS (
        SELECT 1 FROM [dbo].[PolicyPremiumTotals] AS d WHERE d.[PolicyNumber] = t.policy_number
    );
    SET @inserted = @@ROWCOUNT;
    PRINT CONCAT(N'[dbo].[PolicyPremiumTotals]: ', @inserted, N' policies');
END TRY
BEGIN CATCH
    DECLARE @message NVARCHAR(2048) = N'44-export-policy-premium-totals: ' + ERROR_MESSAGE();
    THROW 50044, @message, 1;
END CATCH
GO
