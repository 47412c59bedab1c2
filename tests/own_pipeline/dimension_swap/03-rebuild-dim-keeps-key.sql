/* 03-rebuild-dim.sql: the weekly rebuild of the product dimension by the swap-table
   pattern: load DimProduct_new beside it, swap the names, forgetting the key the facts hold. */
IF OBJECT_ID('dw.DimProduct_new') IS NOT NULL DROP TABLE dw.DimProduct_new;
CREATE TABLE dw.DimProduct_new (
    ProductKey int         NOT NULL CONSTRAINT PK_DimProduct_new PRIMARY KEY,
    Code       varchar(10) NOT NULL,
    Name       varchar(50) NOT NULL
);
INSERT INTO dw.DimProduct_new (ProductKey, Code, Name)
SELECT ProductKey, Code, UPPER(Name) FROM dw.DimProduct;
GO
BEGIN TRANSACTION;
EXEC sp_rename 'dw.DimProduct', 'DimProduct_old';
EXEC sp_rename 'dw.DimProduct_new', 'DimProduct';
COMMIT TRANSACTION;
GO
DROP TABLE dw.DimProduct_old;
