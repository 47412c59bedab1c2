CREATE TYPE [dbo].[AddressList] AS TABLE (
    [CustomerId] INT           NOT NULL,
    [Line1]      NVARCHAR (200) NOT NULL,
    [PostCode]   NVARCHAR (20) NULL,
    PRIMARY KEY CLUSTERED ([CustomerId] ASC, [Line1] ASC)
);
GO
CREATE TYPE [dbo].[PostCode] FROM NVARCHAR (20) NOT NULL;
GO
CREATE TABLE [dbo].[Addresses] (
    [AddressId]  INT IDENTITY (1, 1) NOT NULL PRIMARY KEY,
    [CustomerId] INT NOT NULL,
    [Line1]      NVARCHAR (200) NOT NULL,
    [PostCode]   [dbo].[PostCode] NULL
);
GO
