/*
    36-export-premiums.sql
    New premium instalments -> [dbo].[Premiums] (one row per policy and due date).
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[Premiums]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[Premiums] (
        [PolicyNumber] NVARCHAR(30)    NOT NULL,
        [DueDate]      DATE            NOT NULL,
        [Amount]       DECIMAL(12, 2)  NOT NULL,
        [IsPaid]       BIT             NOT NULL,
        [LoadedAt]     DATETIME2       NOT NULL,
        CONSTRAINT [PK_Premiums] PRIMARY KEY ([PolicyNumber], [DueDate])
    );
    PRINT N'Created [dbo].[Premiums]';
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();
DECLARE @inserted INT = 0;

BEGIN TRY
    INSERT INTO [dbo].[Premiums] ([PolicyNumber], [DueDate], [Amount], [IsPaid], [LoadedAt])
    SELECT  s.policy_number, s.due_date, s.amount, s.is_paid, @load_ts
    FROM [etl].[stg_premiums] AS s
    WHERE NOT EXISTS (
        SELECT 1
        FROM [dbo].[Premiums] AS d
        WHERE d.[PolicyNumber] = s.policy_number
          AND d.[DueDate] = s.due_date
    );
    SET @inserted = @@ROWCOUNT;
    PRINT CONCAT(N'[dbo].[Premiums]: ', @inserted, N' new instalments');
END TRY
BEGIN CATCH
    THROW;
END CATCH
GO
