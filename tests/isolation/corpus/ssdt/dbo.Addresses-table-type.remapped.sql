CREATE TYPE [sbx_dbo].[AddressList] AS TABLE (
    [CustomerId] INT           NOT NULL,
    [Line1]      NVARCHAR (200) NOT NULL,
    [PostCode]   NVARCHAR (20) NULL,
    PRIMARY KEY CLUSTERED ([CustomerId] ASC, [Line1] ASC)
);
GO
CREATE TYPE [sbx_dbo].[PostCode] FROM NVARCHAR (20) NOT NULL;
GO
CREATE TABLE [sbx_dbo].[Addresses] (
    [AddressId]  INT IDENTITY (1, 1) NOT NULL PRIMARY KEY,
    [CustomerId] INT NOT NULL,
    [Line1]      NVARCHAR (200) NOT NULL,
    [PostCode]   [sbx_dbo].[PostCode] NULL
);
GO
