/*
    production.sql
    dbo and raw as they stand before the nightly load (scripted from the server).
*/
IF SCHEMA_ID(N'dbo') IS NULL EXEC(N'CREATE SCHEMA dbo');
GO
IF SCHEMA_ID(N'raw') IS NULL EXEC(N'CREATE SCHEMA raw');
GO

CREATE TABLE [dbo].[Brokers] (
    [BrokerId]   INT            NOT NULL,
    [BrokerName] NVARCHAR(100)  NOT NULL,
    [Region]     NVARCHAR(20)   NOT NULL,
    [Commission] DECIMAL(5, 4)  NOT NULL,
    [UpdatedAt]  DATETIME2      NULL,
    CONSTRAINT [PK_Brokers] PRIMARY KEY ([BrokerId])
);
GO

CREATE TABLE [dbo].[RegionTotals] (
    [Region]  NVARCHAR(20) NOT NULL,
    [Brokers] INT          NOT NULL,
    CONSTRAINT [PK_RegionTotals] PRIMARY KEY ([Region])
);
GO

CREATE TABLE [raw].[broker_feed] (
    [broker_id]   INT            NOT NULL,
    [broker_name] NVARCHAR(100)  NULL,
    [region]      NVARCHAR(20)   NULL,
    [commission]  DECIMAL(5, 4)  NULL
);
GO
