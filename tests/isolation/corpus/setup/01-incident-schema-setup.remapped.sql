IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'sbx_etl')
    DROP SCHEMA [sbx_etl];
GO
CREATE SCHEMA [sbx_etl];
GO
IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'sbx_stage')
    EXEC('CREATE SCHEMA [sbx_stage]');
GO
