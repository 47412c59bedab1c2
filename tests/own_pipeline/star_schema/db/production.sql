/* Production as it stands: a small star schema (a product dimension and a sales fact
   that refers to it) and the raw feed the nightly load reads. */
CREATE SCHEMA dw;
GO
CREATE SCHEMA raw;
GO
CREATE TABLE dw.DimProduct (
    ProductKey int         NOT NULL PRIMARY KEY,
    Code       varchar(10) NOT NULL,
    Name       varchar(50) NOT NULL,
    CONSTRAINT UQ_DimProduct_Code UNIQUE (Code)
);
CREATE TABLE dw.FactSales (
    SaleId     int  NOT NULL PRIMARY KEY,
    ProductKey int  NOT NULL REFERENCES dw.DimProduct (ProductKey),
    SoldOn     date NOT NULL,
    Qty        int  NOT NULL,
    CONSTRAINT FK_FactSales_Product FOREIGN KEY (ProductKey)
        REFERENCES dw.DimProduct (ProductKey)
);
GO
CREATE TABLE raw.sales (
    sale_id      int         NOT NULL,
    product_code varchar(10) NOT NULL,
    product_name varchar(50) NOT NULL,
    sold_on      date        NOT NULL,
    qty          int         NOT NULL
);
GO
