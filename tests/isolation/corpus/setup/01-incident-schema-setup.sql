IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'etl')
    DROP SCHEMA [etl];
GO
CREATE SCHEMA [etl];
GO
IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'stage')
    EXEC('CREATE SCHEMA [stage]');
GO
