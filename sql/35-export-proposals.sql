/*
    35-export-proposals.sql
    New proposals -> [dbo].[Proposals].
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[Proposals]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[Proposals] (
        [ProposalNumber] NVARCHAR(30)    NOT NULL,
        [BrokerCode]     NVARCHAR(20)    NOT NULL,
        [ClientCode]     NVARCHAR(20)    NOT NULL,
        [GroupCode]      NVARCHAR(20)    NULL,
        [ProductCode]    NVARCHAR(20)    NOT NULL,
        [Status]         NVARCHAR(20)    NOT NULL,
        [SubmittedDate]  DATE            NULL,
        [QuotedPremium]  DECIMAL(12, 2)  NOT NULL,
        [LoadedAt]       DATETIME2       NOT NULL,
        CONSTRAINT [PK_Proposals] PRIMARY KEY ([ProposalNumber])
    );
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();
DECLARE @inserted INT;

INSERT INTO [dbo].[Proposals]
    ([ProposalNumber], [BrokerCode], [ClientCode], [GroupCode], [ProductCode], [Status],
     [SubmittedDate], [QuotedPremium], [LoadedAt])
SELECT  s.proposal_number, s.broker_code, s.client_code, s.group_code, s.product_code,
        s.status, s.submitted_date, s.quoted_premium, @load_ts
FROM [etl].[stg_proposals] AS s
WHERE NOT EXISTS (
    SELECT 1 FROM [dbo].[Proposals] AS d WHERE d.[ProposalNumber] = s.proposal_number
);

SET @inserted = @@ROWCOUNT;
PRINT CONCAT(N'[dbo].[Proposals]: ', @inserted, N' new proposals');
GO
