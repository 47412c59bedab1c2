/* Production as scripted from the server. */
IF SCHEMA_ID(N'sales') IS NULL EXEC(N'CREATE SCHEMA sales');
GO
IF SCHEMA_ID(N'landing') IS NULL EXEC(N'CREATE SCHEMA landing');
GO
IF SCHEMA_ID(N'ops') IS NULL EXEC(N'CREATE SCHEMA ops');
GO
CREATE TABLE [sales].[Orders] (
    [OrderId]     INT            NOT NULL,
    [StoreCode]   NVARCHAR(10)   NOT NULL,
    [Sku]         NVARCHAR(20)   NOT NULL,
    [Qty]         INT            NOT NULL,
    [UnitPrice]   DECIMAL(10, 2) NOT NULL,
    [OrderedAt]   DATETIME2      NOT NULL,
    CONSTRAINT [PK_Orders] PRIMARY KEY ([OrderId])
);
GO
CREATE TABLE [sales].[Returns] (
    [ReturnId]     INT IDENTITY(1, 1) NOT NULL,
    [RequestRef]   NVARCHAR(20)   NOT NULL,
    [OrderId]      INT            NOT NULL,
    [Qty]          INT            NOT NULL,
    [RefundAmount] DECIMAL(10, 2) NOT NULL,
    [Reason]       NVARCHAR(40)   NULL,
    [ProcessedAt]  DATETIME2      NOT NULL CONSTRAINT [DF_Returns_ProcessedAt] DEFAULT (SYSUTCDATETIME()),
    CONSTRAINT [PK_Returns] PRIMARY KEY ([ReturnId])
);
GO
CREATE TABLE [sales].[RefundLedger] (
    [LedgerId]    INT IDENTITY(1, 1) NOT NULL,
    [StoreCode]   NVARCHAR(10)   NOT NULL,
    [Amount]      DECIMAL(12, 2) NOT NULL,
    [PostedAt]    DATETIME2      NOT NULL,
    CONSTRAINT [PK_RefundLedger] PRIMARY KEY ([LedgerId])
);
GO
CREATE TABLE [ops].[EtlConfig] (
    [ConfigKey]    NVARCHAR(40)  NOT NULL,
    [TargetSchema] SYSNAME       NOT NULL,
    [TargetTable]  SYSNAME       NOT NULL,
    CONSTRAINT [PK_EtlConfig] PRIMARY KEY ([ConfigKey])
);
GO
CREATE TABLE [ops].[LoadAudit] (
    [AuditId]   INT IDENTITY(1, 1) NOT NULL,
    [Action]    NVARCHAR(10)  NOT NULL,
    [RequestRef] NVARCHAR(20) NOT NULL,
    [LoggedAt]  DATETIME2     NOT NULL CONSTRAINT [DF_LoadAudit_LoggedAt] DEFAULT (SYSUTCDATETIME()),
    CONSTRAINT [PK_LoadAudit] PRIMARY KEY ([AuditId])
);
GO
CREATE TABLE [landing].[return_requests] (
    [request_ref] NVARCHAR(20) NOT NULL,
    [order_id]    INT          NOT NULL,
    [qty]         INT          NOT NULL,
    [reason]      NVARCHAR(40) NULL,
    [requested_at] DATETIME2   NOT NULL
);
GO
