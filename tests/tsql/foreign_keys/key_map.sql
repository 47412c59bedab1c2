CREATE SCHEMA dw;
GO
CREATE SCHEMA etl;
GO
CREATE TABLE dw.DimCustomer (
  CustomerKey int IDENTITY(1, 1) NOT NULL CONSTRAINT PK_DimCustomer PRIMARY KEY,
  SourceId varchar(20) NOT NULL,
  Name nvarchar(50) NOT NULL);
CREATE TABLE etl.CustomerKeyMap (
  CustomerKey int NOT NULL,
  SourceId varchar(20) NOT NULL,
  CONSTRAINT FK_CustomerKeyMap_DimCustomer FOREIGN KEY (CustomerKey)
    REFERENCES dw.DimCustomer (CustomerKey));
CREATE TABLE etl.LoadAudit (CustomerKey int NOT NULL, Action nvarchar(10) NOT NULL);
CREATE TABLE etl.stg_customer (SourceId varchar(20) NOT NULL, Name nvarchar(50) NOT NULL);
INSERT INTO etl.stg_customer VALUES ('C-1', N'Ada'), ('C-2', N'Grace');
