IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'etl_loader')
    CREATE USER [etl_loader] WITHOUT LOGIN WITH DEFAULT_SCHEMA = [etl];
GO
IF DATABASE_PRINCIPAL_ID(N'warehouse_reader') IS NULL
    CREATE ROLE [warehouse_reader] AUTHORIZATION [dbo];
GO
ALTER ROLE [warehouse_reader] ADD MEMBER [etl_loader];
GO
