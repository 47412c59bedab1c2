/*
    47-export-data-quality.sql
    Rejected rows of this load -> [dbo].[DataQualityIssues], for the data stewards.
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[DataQualityIssues]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[DataQualityIssues] (
        [SourceTable] NVARCHAR(128)  NOT NULL,
        [SourceRowId] BIGINT         NOT NULL,
        [ErrorCode]   NVARCHAR(50)   NOT NULL,
        [BusinessKey] NVARCHAR(100)  NULL,
        [ErrorDetail] NVARCHAR(400)  NULL,
        [LoggedAt]    DATETIME2      NOT NULL,
        CONSTRAINT [PK_DataQualityIssues] PRIMARY KEY ([SourceTable], [SourceRowId], [ErrorCode])
    );
END
GO

DECLARE @inserted INT = 0;
DECLARE @total INT = (SELECT COUNT(*) FROM [etl].[load_errors]);

BEGIN TRY
    INSERT INTO [dbo].[DataQualityIssues]
        ([SourceTable], [SourceRowId], [ErrorCode], [BusinessKey], [ErrorDetail], [LoggedAt])
    SELECT  e.source_table, e.source_row_id, e.error_code, e.business_key, e.error_detail,
            e.logged_at
    FROM [etl].[load_errors] AS e
    WHERE e.source_row_id IS NOT NULL
      AND NOT EXISTS (
            SELECT 1
            FROM [dbo].[DataQualityIssues] AS d
            WHERE d.[SourceTable] = e.source_table
              AND d.[SourceRowId] = e.source_row_id
              AND d.[ErrorCode] = e.error_code
      );
    SET @inserted = @@ROWCOUNT;
    PRINT CONCAT(N'[dbo].[DataQualityIssues]: ', @inserted, N' of ', @total, N' rejects');
END TRY
BEGIN CATCH
    THROW;
END CATCH
GO
