/* Production as it stands: the raw landing table and a data vault of hubs, a link and a
   satellite. The hubs and the satellite declare their keys; the link and the load log
   declare none. */
CREATE SCHEMA raw;
GO
CREATE SCHEMA dv;
GO
CREATE TABLE raw.orders (
    order_no      NVARCHAR(20)  NOT NULL,
    customer_code NVARCHAR(20)  NOT NULL,
    customer_name NVARCHAR(100) NOT NULL,
    product_code  NVARCHAR(20)  NOT NULL,
    ordered_on    DATE          NOT NULL
);
CREATE TABLE [dv].[HubCustomer] (
    [CustomerHashKey] CHAR(32)     NOT NULL,
    [CustomerCode]    NVARCHAR(20) NOT NULL,
    [LoadDate]        DATETIME2    NOT NULL,
    [RecordSource]    NVARCHAR(50) NOT NULL,
    CONSTRAINT [PK_HubCustomer] PRIMARY KEY NONCLUSTERED ([CustomerHashKey])
);
CREATE TABLE dv.HubProduct (
    ProductHashKey CHAR(32)     NOT NULL PRIMARY KEY,
    ProductCode    NVARCHAR(20) NOT NULL,
    LoadDate       DATETIME2    NOT NULL,
    RecordSource   NVARCHAR(50) NOT NULL
);
CREATE TABLE dv.SatCustomer (
    CustomerHashKey CHAR(32)      NOT NULL,
    LoadDate        DATETIME2     NOT NULL,
    Name            NVARCHAR(100) NOT NULL,
    HashDiff        CHAR(32)      NOT NULL,
    CONSTRAINT PK_SatCustomer PRIMARY KEY (CustomerHashKey, LoadDate)
);
CREATE TABLE dv.LinkOrder (
    OrderHashKey    CHAR(32)     NOT NULL,
    CustomerHashKey CHAR(32)     NOT NULL,
    ProductHashKey  CHAR(32)     NOT NULL,
    OrderNo         NVARCHAR(20) NOT NULL,
    LoadDate        DATETIME2    NOT NULL
);
CREATE TABLE dv.RefProduct (
    ProductCode NVARCHAR(20) NOT NULL,
    FirstOrdered DATE NOT NULL,
    CONSTRAINT PK_RefProduct PRIMARY KEY CLUSTERED (ProductCode ASC)
);
CREATE TABLE dv.LoadLog (Step NVARCHAR(50) NOT NULL, LoadedAt DATETIME2 NOT NULL);
