/*
    01-tables.sql
    Staging tables of the replenishment run and its log, made anew each night.
*/
SET NOCOUNT ON;

DROP TABLE IF EXISTS etl.RunLog;
CREATE TABLE etl.RunLog (
    LogId        INT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    Step         NVARCHAR(200) NOT NULL,
    RowsAffected INT NULL,
    Depth        INT NOT NULL
);

DROP TABLE IF EXISTS etl.stg_sales;
CREATE TABLE etl.stg_sales (
    BusinessDate DATE NOT NULL,
    StoreId      INT NOT NULL,
    Sku          NVARCHAR(12) NOT NULL,
    SoldQty      INT NOT NULL,
    Receipts     INT NOT NULL,
    CONSTRAINT PK_stg_sales PRIMARY KEY (BusinessDate, StoreId, Sku)
);

DROP TABLE IF EXISTS etl.stg_rejects;
CREATE TABLE etl.stg_rejects (
    ReceiptNo    NVARCHAR(20) NOT NULL PRIMARY KEY,
    StoreId      INT NOT NULL,
    Sku          NVARCHAR(12) NOT NULL,
    SoldQty      INT NOT NULL,
    Problem      NVARCHAR(40) NOT NULL
);

DROP TABLE IF EXISTS etl.stg_movements;
CREATE TABLE etl.stg_movements (
    BusinessDate DATE NOT NULL,
    StoreId      INT NOT NULL,
    Sku          NVARCHAR(12) NOT NULL,
    Sold         INT NOT NULL,
    Delivered    INT NOT NULL,
    NetChange    INT NOT NULL,
    CONSTRAINT PK_stg_movements PRIMARY KEY (BusinessDate, StoreId, Sku)
);

DROP TABLE IF EXISTS etl.stg_reorders;
CREATE TABLE etl.stg_reorders (
    BusinessDate DATE NOT NULL,
    StoreId      INT NOT NULL,
    Sku          NVARCHAR(12) NOT NULL,
    Projected    INT NOT NULL,
    Quantity     INT NOT NULL,
    EstimatedCost DECIMAL(12, 2) NOT NULL,
    CONSTRAINT PK_stg_reorders PRIMARY KEY (BusinessDate, StoreId, Sku)
);
