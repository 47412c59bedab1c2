CREATE TABLE [sbx_dbo].[Products] (
    [ProductCode]     VARCHAR (10)    NOT NULL,
    [ProductName]     NVARCHAR (100)  NOT NULL,
    [LineOfBusiness]  VARCHAR (20)    NOT NULL,
    [BaseRate]        DECIMAL (9, 6)  NOT NULL,
    [LoadingFactor]   DECIMAL (9, 6)  NOT NULL,
    [EffectiveRate]   AS ([BaseRate] * (1 + [LoadingFactor])) PERSISTED,
    [DisplayName]     AS (CONCAT([ProductCode], N' - ', [ProductName])),
    CONSTRAINT [PK_Products] PRIMARY KEY CLUSTERED ([ProductCode] ASC)
);
GO
ALTER TABLE [sbx_dbo].[Products] WITH CHECK ADD CONSTRAINT [CK_Products_LineOfBusiness]
    CHECK ([LineOfBusiness] IN ('motor', 'home', 'life', 'health'));
GO
ALTER TABLE [sbx_dbo].[Products] CHECK CONSTRAINT [CK_Products_LineOfBusiness];
GO
