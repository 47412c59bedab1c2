/*
    32-export-clients.sql
    New clients -> [dbo].[Clients].
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[Clients]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[Clients] (
        [ClientCode] NVARCHAR(20)   NOT NULL,
        [FirstName]  NVARCHAR(100)  NULL,
        [LastName]   NVARCHAR(100)  NULL,
        [FullName]   NVARCHAR(201)  NULL,
        [BirthDate]  DATE           NULL,
        [Gender]     NVARCHAR(10)   NOT NULL,
        [StateCode]  NVARCHAR(10)   NULL,
        [Email]      NVARCHAR(200)  NULL,
        [LoadedAt]   DATETIME2      NOT NULL,
        CONSTRAINT [PK_Clients] PRIMARY KEY ([ClientCode])
    );
    PRINT N'Created [dbo].[Clients]';
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();
DECLARE @inserted INT;

BEGIN TRY
    INSERT INTO [dbo].[Clients]
        ([ClientCode], [FirstName], [LastName], [FullName], [BirthDate], [Gender], [StateCode],
         [Email], [LoadedAt])
    SELECT  s.client_code, s.first_name, s.last_name, s.full_name, s.birth_date, s.gender,
            s.state_code, s.email, @load_ts
    FROM [etl].[stg_clients] AS s
    WHERE NOT EXISTS (SELECT 1 FROM [dbo].[Clients] AS d WHERE d.[ClientCode] = s.client_code);
    SET @inserted = @@ROWCOUNT;
    PRINT CONCAT(N'[dbo].[Clients]: ', @inserted, N' new clients');
END TRY
BEGIN CATCH
    THROW;
END CATCH
GO
