/*
    library.sql
    The lending library's database as it stands: members, books, loans (IDENTITY key),
    and the circulation desk's export of the day's events.
*/
IF SCHEMA_ID(N'lib') IS NULL EXEC(N'CREATE SCHEMA lib');
GO
IF SCHEMA_ID(N'desk') IS NULL EXEC(N'CREATE SCHEMA desk');
GO

CREATE TABLE [lib].[Members] (
    [MemberId]  NVARCHAR(8)   NOT NULL,
    [Name]      NVARCHAR(80)  NOT NULL,
    [Blocked]   BIT           NOT NULL CONSTRAINT [DF_Members_Blocked] DEFAULT (0),
    CONSTRAINT [PK_Members] PRIMARY KEY ([MemberId])
);
CREATE TABLE [lib].[Books] (
    [Isbn]      NVARCHAR(13)  NOT NULL,
    [Title]     NVARCHAR(200) NOT NULL,
    [Copies]    INT           NOT NULL,
    CONSTRAINT [PK_Books] PRIMARY KEY ([Isbn])
);
CREATE TABLE [lib].[Loans] (
    [LoanId]    INT IDENTITY(1, 1) NOT NULL,
    [MemberId]  NVARCHAR(8)   NOT NULL,
    [Isbn]      NVARCHAR(13)  NOT NULL,
    [LentOn]    DATE          NOT NULL,
    [ReturnedOn] DATE         NULL,
    CONSTRAINT [PK_Loans] PRIMARY KEY ([LoanId])
);
CREATE TABLE [desk].[events] (
    [member_id] NVARCHAR(8)   NULL,
    [isbn]      NVARCHAR(13)  NULL,
    [event]     NVARCHAR(10)  NULL,
    [event_on]  DATE          NULL
);
GO
