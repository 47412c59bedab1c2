/*
    production.sql
    The load log: one row per load batch, one per step of it, keyed by IDENTITY.
*/
IF SCHEMA_ID(N'etl') IS NULL EXEC(N'CREATE SCHEMA etl');
GO

CREATE TABLE etl.LoadBatch (
    BatchId    INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_LoadBatch PRIMARY KEY,
    StartedAt  DATETIME2(3) NOT NULL,
    EndedAt    DATETIME2(3) NULL,
    RowsLoaded INT NULL
);
CREATE TABLE etl.LoadStep (
    StepId  INT IDENTITY(100,10) NOT NULL CONSTRAINT PK_LoadStep PRIMARY KEY,
    BatchId INT NOT NULL,
    Step    NVARCHAR(50) NOT NULL
);
CREATE TABLE etl.Customer (
    Code NVARCHAR(10) NOT NULL CONSTRAINT PK_Customer PRIMARY KEY,
    Name NVARCHAR(50) NOT NULL
);
GO
