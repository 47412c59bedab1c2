CREATE SCHEMA dw;
GO
CREATE TABLE dw.DimProduct (ProductKey int NOT NULL PRIMARY KEY, Code varchar(10) NOT NULL);
CREATE TABLE dw.FactSales (SaleId int NOT NULL PRIMARY KEY,
  ProductKey int NOT NULL REFERENCES dw.DimProduct (ProductKey), Qty int NOT NULL,
  CONSTRAINT FK_FactSales_Product FOREIGN KEY (ProductKey) REFERENCES dw.DimProduct (ProductKey));
