CREATE TABLE dbo.Customers
(
    CustomerId    INT           NOT NULL IDENTITY(1, 1),
    CustomerCode  VARCHAR(20)   NOT NULL,
    FullName      NVARCHAR(200) NOT NULL,
    Email         NVARCHAR(320) MASKED WITH (FUNCTION = 'email()') NULL,
    BirthDate     DATE          NULL,
    CONSTRAINT PK_Customers PRIMARY KEY CLUSTERED (CustomerId),
    CONSTRAINT UQ_Customers_Code UNIQUE (CustomerCode)
);
GO
CREATE NONCLUSTERED INDEX IX_Customers_FullName ON dbo.Customers (FullName);
GO
