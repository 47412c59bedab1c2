/*
    33-export-groups.sql
    New employer groups -> [dbo].[Groups].
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[Groups]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[Groups] (
        [GroupCode]     NVARCHAR(20)   NOT NULL,
        [GroupName]     NVARCHAR(200)  NULL,
        [BrokerCode]    NVARCHAR(20)   NOT NULL,
        [Industry]      NVARCHAR(50)   NOT NULL,
        [EmployeeCount] INT            NULL,
        [SizeBand]      NVARCHAR(10)   NOT NULL,
        [EffectiveDate] DATE           NULL,
        [LoadedAt]      DATETIME2      NOT NULL,
        CONSTRAINT [PK_Groups] PRIMARY KEY ([GroupCode])
    );
    PRINT N'Created [dbo].[Groups]';
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();
DECLARE @inserted INT = 0;

BEGIN TRY
    INSERT INTO [dbo].[Groups]
        ([GroupCode], [GroupName], [BrokerCode], [Industry], [EmployeeCount], [SizeBand],
         [EffectiveDate], [LoadedAt])
    SELECT  s.group_code, s.group_name, s.broker_code, s.industry, s.employee_count,
            s.size_band, s.effective_date, @load_ts
    FROM [etl].[stg_groups] AS s
    WHERE NOT EXISTS (SELECT 1 FROM [dbo].[Groups] AS d WHERE d.[GroupCode] = s.group_code);
    SET @inserted = @@ROWCOUNT;
    PRINT CONCAT(N'[dbo].[Groups]: ', @inserted, N' new groups');
END TRY
BEGIN CATCH
    DECLARE @message NVARCHAR(2048) = N'33-export-groups: ' + ERROR_MESSAGE();
    THROW 50033, @message, 1;
END CATCH
GO
