CREATE TABLE sbx_dw.DimCustomer (
    CustomerKey  INT NOT NULL PRIMARY KEY,
    CustomerCode VARCHAR(20) NOT NULL,
    FullName     NVARCHAR(200) NOT NULL
);
GO
-- Reports read the dimension through a synonym.
CREATE SYNONYM sbx_dbo.Customer FOR sbx_dw.DimCustomer;
GO
