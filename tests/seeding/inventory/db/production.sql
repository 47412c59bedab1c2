/*
    production.sql
    The inventory database as it stands: items with an IDENTITY key, a unique SKU and
    defaults, and the receipts area the supplier feed lands in.
*/
IF SCHEMA_ID(N'inv') IS NULL EXEC(N'CREATE SCHEMA inv');
GO
IF SCHEMA_ID(N'feed') IS NULL EXEC(N'CREATE SCHEMA feed');
GO

CREATE TABLE inv.Items (
    ItemId   INT IDENTITY(100, 10) NOT NULL,
    Sku      NVARCHAR(20)   NOT NULL,
    Name     NVARCHAR(100)  NOT NULL,
    Price    DECIMAL(9, 2)  NOT NULL CONSTRAINT DF_Items_Price DEFAULT (0),
    Active   BIT            NOT NULL CONSTRAINT DF_Items_Active DEFAULT (1),
    Notes    NVARCHAR(200)  NULL,
    CONSTRAINT PK_Items PRIMARY KEY (ItemId),
    CONSTRAINT UQ_Items_Sku UNIQUE (Sku)
);
GO

CREATE TABLE feed.receipts (
    sku         NVARCHAR(20)  NULL,
    quantity    INT           NULL,
    received_on DATE          NULL
);
GO
