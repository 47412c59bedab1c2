-- Production as it stands: the landing area and the sales mart.
CREATE SCHEMA landing;
GO
CREATE SCHEMA stage;
GO
CREATE SCHEMA sales;
GO
CREATE TABLE landing.orders (
    order_ref     NVARCHAR(20)  NOT NULL,
    customer_ref  NVARCHAR(20)  NOT NULL,
    customer_name NVARCHAR(100) NULL,
    ordered_on    DATE          NOT NULL,
    amount        DECIMAL(12, 2) NOT NULL
);
CREATE TABLE sales.Customers (
    CustomerRef NVARCHAR(20)  NOT NULL PRIMARY KEY,
    Name        NVARCHAR(100) NULL
);
CREATE TABLE sales.Orders (
    OrderRef    NVARCHAR(20)   NOT NULL PRIMARY KEY,
    CustomerRef NVARCHAR(20)   NOT NULL,
    OrderedOn   DATE           NOT NULL,
    Amount      DECIMAL(12, 2) NOT NULL
);
