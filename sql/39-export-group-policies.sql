/*
    39-export-group-policies.sql
    Which policies belong to which employer group -> [dbo].[GroupPolicies].
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[GroupPolicies]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[GroupPolicies] (
        [GroupCode]    NVARCHAR(20)  NOT NULL,
        [PolicyNumber] NVARCHAR(30)  NOT NULL,
        [LoadedAt]     DATETIME2     NOT NULL,
        CONSTRAINT [PK_GroupPolicies] PRIMARY KEY ([GroupCode], [PolicyNumber])
    );
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();
DECLARE @inserted INT;

INSERT INTO [dbo].[GroupPolicies] ([GroupCode], [PolicyNumber], [LoadedAt])
SELECT p.group_code, p.policy_number, @load_ts
FROM [etl].[stg_policies] AS p
JOIN [etl].[stg_groups] AS g ON g.group_code = p.group_code
WHERE p.is_group_policy = 1
  AND NOT EXISTS (
        SELECT 1
        FROM [dbo].[GroupPolicies] AS d
        WHERE d.[GroupCode] = p.group_code
          AND d.[PolicyNumber] = p.policy_number
  );

SET @inserted = @@ROWCOUNT;
PRINT CONCAT(N'[dbo].[GroupPolicies]: ', @inserted, N' new links');
GO
