/*
    00-schema-setup.sql
    Rebuild the working schema of the insurance load.
    1. drop the pipeline's own input, staging and reject tables;
    2. drop [etl] when nothing else lives in it (the run-state tables usually do,
       and SQL Server refuses to drop a schema that still holds objects);
    3. create the schemas the pipeline works in when they are missing.
*/
SET NOCOUNT ON;
GO

-- staging and reference tables (03-staging-tables.sql)
IF OBJECT_ID('[etl].[stg_broker_book]', 'U') IS NOT NULL DROP TABLE [etl].[stg_broker_book];
IF OBJECT_ID('[etl].[stg_claims]', 'U') IS NOT NULL DROP TABLE [etl].[stg_claims];
IF OBJECT_ID('[etl].[stg_premiums]', 'U') IS NOT NULL DROP TABLE [etl].[stg_premiums];
IF OBJECT_ID('[etl].[stg_proposals]', 'U') IS NOT NULL DROP TABLE [etl].[stg_proposals];
IF OBJECT_ID('[etl].[stg_policies]', 'U') IS NOT NULL DROP TABLE [etl].[stg_policies];
IF OBJECT_ID('[etl].[stg_groups]', 'U') IS NOT NULL DROP TABLE [etl].[stg_groups];
IF OBJECT_ID('[etl].[stg_clients]', 'U') IS NOT NULL DROP TABLE [etl].[stg_clients];
IF OBJECT_ID('[etl].[stg_products]', 'U') IS NOT NULL DROP TABLE [etl].[stg_products];
IF OBJECT_ID('[etl].[stg_brokers]', 'U') IS NOT NULL DROP TABLE [etl].[stg_brokers];
IF OBJECT_ID('[etl].[load_errors]', 'U') IS NOT NULL DROP TABLE [etl].[load_errors];
IF OBJECT_ID('[etl].[map_codes]', 'U') IS NOT NULL DROP TABLE [etl].[map_codes];

-- input tables (02-input-tables.sql)
IF OBJECT_ID('[etl].[in_claims]', 'U') IS NOT NULL DROP TABLE [etl].[in_claims];
IF OBJECT_ID('[etl].[in_premiums]', 'U') IS NOT NULL DROP TABLE [etl].[in_premiums];
IF OBJECT_ID('[etl].[in_proposals]', 'U') IS NOT NULL DROP TABLE [etl].[in_proposals];
IF OBJECT_ID('[etl].[in_policies]', 'U') IS NOT NULL DROP TABLE [etl].[in_policies];
IF OBJECT_ID('[etl].[in_groups]', 'U') IS NOT NULL DROP TABLE [etl].[in_groups];
IF OBJECT_ID('[etl].[in_clients]', 'U') IS NOT NULL DROP TABLE [etl].[in_clients];
IF OBJECT_ID('[etl].[in_products]', 'U') IS NOT NULL DROP TABLE [etl].[in_products];
IF OBJECT_ID('[etl].[in_brokers]', 'U') IS NOT NULL DROP TABLE [etl].[in_brokers];
GO

IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'etl')
   AND NOT EXISTS (SELECT 1 FROM sys.objects WHERE schema_id = SCHEMA_ID('etl'))
    DROP SCHEMA [etl];
GO

IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'etl')
    EXEC('CREATE SCHEMA [etl]');
GO

IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'raw_data')
    EXEC('CREATE SCHEMA [raw_data]');
GO

IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'dbo')
    EXEC('CREATE SCHEMA [dbo]');
GO

PRINT 'Schema setup complete';
GO
