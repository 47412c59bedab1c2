/*
    production.sql
    The retail stock database as it stands before tonight's replenishment run: the inv
    schema the run reads and exports reorders into, and the feed schema the tills and the
    warehouse fill during the day. Scripted from the server, constraints named.
*/
IF SCHEMA_ID(N'inv') IS NULL EXEC(N'CREATE SCHEMA inv');
GO
IF SCHEMA_ID(N'feed') IS NULL EXEC(N'CREATE SCHEMA feed');
GO

CREATE TABLE [inv].[Stores] (
    [StoreId]    INT           NOT NULL,
    [StoreName]  NVARCHAR(60)  NOT NULL,
    [Region]     NVARCHAR(20)  NOT NULL,
    [IsOpen]     BIT           NOT NULL,
    CONSTRAINT [PK_Stores] PRIMARY KEY ([StoreId])
);
GO

CREATE TABLE [inv].[Products] (
    [Sku]           NVARCHAR(12)   NOT NULL,
    [ProductName]   NVARCHAR(80)   NOT NULL,
    [ReorderPoint]  INT            NOT NULL,
    [ReorderQty]    INT            NOT NULL,
    [UnitCost]      DECIMAL(10, 2) NOT NULL,
    CONSTRAINT [PK_Products] PRIMARY KEY ([Sku])
);
GO

CREATE TABLE [inv].[StockLevels] (
    [StoreId]    INT           NOT NULL,
    [Sku]        NVARCHAR(12)  NOT NULL,
    [OnHand]     INT           NOT NULL,
    [UpdatedOn]  DATE          NOT NULL,
    CONSTRAINT [PK_StockLevels] PRIMARY KEY ([StoreId], [Sku])
);
GO

CREATE TABLE [inv].[ReorderRequests] (
    [RequestId]     INT IDENTITY(5000, 1) NOT NULL,
    [StoreId]       INT            NOT NULL,
    [Sku]           NVARCHAR(12)   NOT NULL,
    [Quantity]      INT            NOT NULL,
    [EstimatedCost] DECIMAL(12, 2) NOT NULL,
    [BusinessDate]  DATE           NOT NULL,
    CONSTRAINT [PK_ReorderRequests] PRIMARY KEY ([RequestId])
);
GO

CREATE TABLE [feed].[Sales] (
    [ReceiptNo]  NVARCHAR(20)  NOT NULL,
    [StoreId]    INT           NOT NULL,
    [Sku]        NVARCHAR(12)  NOT NULL,
    [SoldQty]    INT           NOT NULL,
    [SoldAt]     DATETIME2     NOT NULL
);
GO

CREATE TABLE [feed].[Deliveries] (
    [DeliveryNo]   NVARCHAR(20)  NOT NULL,
    [StoreId]      INT           NOT NULL,
    [Sku]          NVARCHAR(12)  NOT NULL,
    [Quantity]     INT           NOT NULL,
    [DeliveredOn]  DATE          NOT NULL
);
GO
