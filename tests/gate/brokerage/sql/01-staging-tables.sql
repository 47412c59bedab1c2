/*
    01-staging-tables.sql
    Staging tables, emptied by the step that fills each one.
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[etl].[stg_brokers]', N'U') IS NULL
    CREATE TABLE [etl].[stg_brokers] (
        broker_id   INT            NOT NULL,
        broker_name NVARCHAR(100)  NOT NULL,
        region      NVARCHAR(20)   NOT NULL,
        commission  DECIMAL(5, 4)  NOT NULL,
        CONSTRAINT PK_stg_brokers PRIMARY KEY (broker_id)
    );
GO

IF OBJECT_ID(N'[etl].[stg_regions]', N'U') IS NULL
    CREATE TABLE [etl].[stg_regions] (
        region  NVARCHAR(20) NOT NULL,
        brokers INT          NOT NULL,
        CONSTRAINT PK_stg_regions PRIMARY KEY (region)
    );
GO
