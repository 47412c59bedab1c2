/*
    46-export-status-codes.sql
    The target codes production may now see -> [dbo].[StatusCodes].
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[StatusCodes]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[StatusCodes] (
        [CodeSet]     NVARCHAR(30)   NOT NULL,
        [Code]        NVARCHAR(20)   NOT NULL,
        [Description] NVARCHAR(100)  NULL,
        [LoadedAt]    DATETIME2      NOT NULL,
        CONSTRAINT [PK_StatusCodes] PRIMARY KEY ([CodeSet], [Code])
    );
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();
DECLARE @inserted INT;

BEGIN TRY
    INSERT INTO [dbo].[StatusCodes] ([CodeSet], [Code], [Description], [LoadedAt])
    SELECT  m.code_set, m.target_code, MAX(m.description), @load_ts
    FROM [etl].[map_codes] AS m
    WHERE NOT EXISTS (
        SELECT 1
        FROM [dbo].[StatusCodes] AS d
        WHERE d.[CodeSet] = m.code_set
          AND d.[Code] = m.target_code
    )
    GROUP BY m.code_set, m.target_code;
    SET @inserted = @@ROWCOUNT;
    PRINT CONCAT(N'[dbo].[StatusCodes]: ', @inserted, N' codes');
END TRY
BEGIN CATCH
    THROW;
END CATCH
GO
