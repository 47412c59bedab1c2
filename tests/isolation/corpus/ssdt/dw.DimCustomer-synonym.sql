CREATE TABLE dw.DimCustomer (
    CustomerKey  INT NOT NULL PRIMARY KEY,
    CustomerCode VARCHAR(20) NOT NULL,
    FullName     NVARCHAR(200) NOT NULL
);
GO
-- Reports read the dimension through a synonym.
CREATE SYNONYM dbo.Customer FOR dw.DimCustomer;
GO
