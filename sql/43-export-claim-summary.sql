/*
    43-export-claim-summary.sql
    Claims experience per policy -> [dbo].[ClaimSummary].
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[ClaimSummary]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[ClaimSummary] (
        [PolicyNumber]   NVARCHAR(30)    NOT NULL,
        [ClaimCount]     INT             NOT NULL,
        [OpenClaimCount] INT             NOT NULL,
        [TotalClaimed]   DECIMAL(14, 2)  NOT NULL,
        [LastLossDate]   DATE            NULL,
        [LoadedAt]       DATETIME2       NOT NULL,
        CONSTRAINT [PK_ClaimSummary] PRIMARY KEY ([PolicyNumber])
    );
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();
DECLARE @inserted INT;

WITH per_policy AS (
    SELECT  c.policy_number,
            COUNT(*) AS claim_count,
            SUM(CASE WHEN c.status IN ('OPEN', 'REOPENED') THEN 1 ELSE 0 END) AS open_claim_count,
            SUM(c.claim_amount) AS total_claimed,
            MAX(c.loss_date) AS last_loss_date
    FROM [etl].[stg_claims] AS c
    GROUP BY c.policy_number
)
INSERT INTO [dbo].[ClaimSummary]
    ([PolicyNumber], [ClaimCount], [OpenClaimCount], [TotalClaimed], [LastLossDate], [LoadedAt])
SELECT  pp.policy_number, pp.claim_count, pp.open_claim_count, pp.total_claimed,
        pp.last_loss_date, @load_ts
FROM per_policy AS pp
WHERE NOT EXISTS (
    SELECT 1 FROM [dbo].[ClaimSummary] AS d WHERE d.[PolicyNumber] = pp.policy_number
);

SET @inserted = @@ROWCOUNT;
PRINT CONCAT(N'[dbo].[ClaimSummary]: ', @inserted, N' policies');
GO
