/*
    42-export-proposal-outcomes.sql
    Proposals per broker, month and outcome -> [dbo].[ProposalOutcomes].
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[ProposalOutcomes]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[ProposalOutcomes] (
        [BrokerCode]     NVARCHAR(20)    NOT NULL,
        [SubmittedMonth] DATE            NOT NULL,
        [Status]         NVARCHAR(20)    NOT NULL,
        [ProposalCount]  INT             NOT NULL,
        [QuotedPremium]  DECIMAL(14, 2)  NOT NULL,
        [LoadedAt]       DATETIME2       NOT NULL,
        CONSTRAINT [PK_ProposalOutcomes] PRIMARY KEY ([BrokerCode], [SubmittedMonth], [Status])
    );
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();
DECLARE @inserted INT;

BEGIN TRY
    DROP TABLE IF EXISTS #outcomes;

    SELECT  broker_code,
            DATEFROMPARTS(YEAR(submitted_date), MONTH(submitted_date), 1) AS submitted_month,
            status,
            COUNT(*) AS proposal_count,
            SUM(quoted_premium) AS quoted_premium
    INTO #outcomes
    FROM [etl].[stg_proposals]
    WHERE submitted_date IS NOT NULL
    GROUP BY broker_code, DATEFROMPARTS(YEAR(submitted_date), MONTH(submitted_date), 1), status;

    INSERT INTO [dbo].[ProposalOutcomes]
        ([BrokerCode], [SubmittedMonth], [Status], [ProposalCount], [QuotedPremium], [LoadedAt])
    SELECT o.broker_code, o.submitted_month, o.status, o.proposal_count, o.quoted_premium, @load_ts
    FROM #outcomes AS o
    WHERE NOT EXISTS (
        SELECT 1
        FROM [dbo].[ProposalOutcomes] AS d
        WHERE d.[BrokerCode] = o.broker_code
          AND d.[SubmittedMonth] = o.submitted_month
          AND d.[Status] = o.status
    );
    SET @inserted = @@ROWCOUNT;
    PRINT CONCAT(N'[dbo].[ProposalOutcomes]: ', @inserted, N' new rows');
END TRY
BEGIN CATCH
    THROW;
END CATCH
GO
