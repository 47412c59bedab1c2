IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'etl')
   AND NOT EXISTS (SELECT 1 FROM sys.objects WHERE schema_id = SCHEMA_ID('etl'))
    DROP SCHEMA [etl];
GO
IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'etl')
    EXEC('CREATE SCHEMA [etl]');
GO
IF OBJECT_ID('[etl].[stg_brokers]', 'U') IS NOT NULL DROP TABLE [etl].[stg_brokers];
CREATE TABLE [etl].[stg_brokers] (id INT NOT NULL, name NVARCHAR(100) NULL);
GO
