/*
    41-export-broker-book.sql
    First snapshot of each broker's book -> [dbo].[BrokerBook].
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[BrokerBook]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[BrokerBook] (
        [BrokerCode]         NVARCHAR(20)    NOT NULL,
        [PolicyCount]        INT             NOT NULL,
        [ActivePolicyCount]  INT             NOT NULL,
        [GroupCount]         INT             NOT NULL,
        [TotalAnnualPremium] DECIMAL(14, 2)  NOT NULL,
        [ProposalCount]      INT             NOT NULL,
        [ClaimCount]         INT             NOT NULL,
        [LoadedAt]           DATETIME2       NOT NULL,
        CONSTRAINT [PK_BrokerBook] PRIMARY KEY ([BrokerCode])
    );
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();

INSERT INTO [dbo].[BrokerBook]
    ([BrokerCode], [PolicyCount], [ActivePolicyCount], [GroupCount], [TotalAnnualPremium],
     [ProposalCount], [ClaimCount], [LoadedAt])
SELECT  bb.broker_code, bb.policy_count, bb.active_policy_count, bb.group_count,
        bb.total_annual_premium, bb.proposal_count, bb.claim_count, @load_ts
FROM [etl].[stg_broker_book] AS bb
WHERE NOT EXISTS (SELECT 1 FROM [dbo].[BrokerBook] AS d WHERE d.[BrokerCode] = bb.broker_code);

PRINT CONCAT(N'[dbo].[BrokerBook]: ', @@ROWCOUNT, N' brokers');
GO
