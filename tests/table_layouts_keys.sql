/* PRIMARY KEY as SQL Server Management Studio and SSDT script it: CLUSTERED or
   NONCLUSTERED, columns with ASC/DESC, index options. */
CREATE TABLE [dv].[HubCustomer] (
    [CustomerHashKey] CHAR(32) NOT NULL,
    [CustomerCode] NVARCHAR(20) NOT NULL,
    CONSTRAINT [PK_HubCustomer] PRIMARY KEY NONCLUSTERED ([CustomerHashKey] ASC)
);
CREATE TABLE dv.SatCustomer (
    CustomerHashKey CHAR(32) NOT NULL,
    LoadDate DATETIME2 NOT NULL,
    CONSTRAINT PK_SatCustomer PRIMARY KEY CLUSTERED (CustomerHashKey, LoadDate DESC)
        WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF)
);
CREATE TABLE dv.HubProduct (ProductHashKey CHAR(32) NOT NULL PRIMARY KEY, Code INT);
CREATE TABLE dv.Plain (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b));
CREATE TABLE dv.Unique_only (a INT NOT NULL UNIQUE, b INT);
