CREATE SCHEMA dw;
GO
CREATE TABLE dw.DimProduct (
  ProductKey int NOT NULL CONSTRAINT PK_DimProduct PRIMARY KEY,
  Code varchar(10) NOT NULL);
CREATE TABLE dw.FactSales (
  SaleId int NOT NULL CONSTRAINT PK_FactSales PRIMARY KEY,
  ProductKey int NOT NULL,
  Qty int NOT NULL,
  CONSTRAINT FK_FactSales_Product FOREIGN KEY (ProductKey)
    REFERENCES dw.DimProduct (ProductKey));
INSERT INTO dw.DimProduct VALUES (1, 'A'), (2, 'B');
INSERT INTO dw.FactSales VALUES (10, 1, 5);
-- The nightly rebuild loads the new dimension beside the old one.
CREATE TABLE dw.DimProduct_new (
  ProductKey int NOT NULL CONSTRAINT PK_DimProduct_new PRIMARY KEY,
  Code varchar(10) NOT NULL);
INSERT INTO dw.DimProduct_new VALUES (1, 'A'), (2, 'B'), (3, 'C');
