/*
    production.sql
    The billing database as it stands before tonight's load: the billing schema the
    load exports into, and the landing schema the nightly extract fills.
    Scripted from the server ("Script Table as > CREATE To"), constraints named.
*/
IF SCHEMA_ID(N'billing') IS NULL EXEC(N'CREATE SCHEMA billing');
GO
IF SCHEMA_ID(N'landing') IS NULL EXEC(N'CREATE SCHEMA landing');
GO

CREATE TABLE [billing].[Tariffs] (
    [TariffCode]           NVARCHAR(10)   NOT NULL,
    [TariffName]           NVARCHAR(60)   NOT NULL,
    [PricePerKwh]          DECIMAL(8, 4)  NOT NULL,
    [StandingChargePerDay] DECIMAL(8, 4)  NOT NULL,
    CONSTRAINT [PK_Tariffs] PRIMARY KEY ([TariffCode])
);
GO

CREATE TABLE [billing].[Customers] (
    [CustomerId]  NVARCHAR(10)   NOT NULL,
    [FullName]    NVARCHAR(100)  NOT NULL,
    [Email]       NVARCHAR(200)  NULL,
    [TariffCode]  NVARCHAR(10)   NOT NULL,
    [Region]      NVARCHAR(20)   NULL,
    [UpdatedAt]   DATETIME2      NOT NULL
        CONSTRAINT [DF_Customers_UpdatedAt] DEFAULT (SYSUTCDATETIME()),
    CONSTRAINT [PK_Customers] PRIMARY KEY ([CustomerId])
);
GO

CREATE TABLE [billing].[Invoices] (
    [InvoiceId]   INT IDENTITY(1000, 1) NOT NULL,
    [CustomerId]  NVARCHAR(10)   NOT NULL,
    [PeriodMonth] DATE           NOT NULL,
    [Kwh]         DECIMAL(12, 3) NOT NULL,
    [Amount]      DECIMAL(12, 2) NOT NULL,
    [IssuedAt]    DATETIME2      NOT NULL
        CONSTRAINT [DF_Invoices_IssuedAt] DEFAULT (SYSUTCDATETIME()),
    CONSTRAINT [PK_Invoices] PRIMARY KEY ([InvoiceId]),
    CONSTRAINT [UQ_Invoices_Customer_Period] UNIQUE ([CustomerId], [PeriodMonth])
);
GO

CREATE TABLE [billing].[Accounts] (
    [CustomerId]    NVARCHAR(10)   NOT NULL,
    [Balance]       DECIMAL(12, 2) NOT NULL CONSTRAINT [DF_Accounts_Balance] DEFAULT (0),
    [LastInvoiceId] INT            NULL,
    CONSTRAINT [PK_Accounts] PRIMARY KEY ([CustomerId])
);
GO

CREATE TABLE [landing].[customers] (
    [customer_id]  NVARCHAR(20)   NULL,
    [full_name]    NVARCHAR(200)  NULL,
    [email]        NVARCHAR(200)  NULL,
    [tariff_code]  NVARCHAR(20)   NULL,
    [region]       NVARCHAR(40)   NULL,
    [extracted_at] DATETIME2      NOT NULL
);
GO

CREATE TABLE [landing].[meter_readings] (
    [meter_id]     NVARCHAR(20)   NULL,
    [customer_id]  NVARCHAR(20)   NULL,
    [reading_date] DATE           NULL,
    [reading_kwh]  DECIMAL(12, 3) NULL,
    [extracted_at] DATETIME2      NOT NULL
);
GO
