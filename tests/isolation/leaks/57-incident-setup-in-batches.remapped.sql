IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'poc_etl')
   AND NOT EXISTS (SELECT 1 FROM sys.objects WHERE schema_id = SCHEMA_ID('poc_etl'))
    DROP SCHEMA [poc_etl];
GO
IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'poc_etl')
    EXEC('CREATE SCHEMA [poc_etl]');
GO
IF OBJECT_ID('[poc_etl].[stg_brokers]', 'U') IS NOT NULL DROP TABLE [poc_etl].[stg_brokers];
CREATE TABLE [poc_etl].[stg_brokers] (id INT NOT NULL, name NVARCHAR(100) NULL);
GO
