/*
    31-export-products.sql
    New products -> [dbo].[Products].
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[Products]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[Products] (
        [ProductCode] NVARCHAR(20)   NOT NULL,
        [ProductName] NVARCHAR(200)  NOT NULL,
        [Line]        NVARCHAR(20)   NOT NULL,
        [BaseRate]    DECIMAL(9, 4)  NOT NULL,
        [IsActive]    BIT            NOT NULL,
        [LoadedAt]    DATETIME2      NOT NULL,
        CONSTRAINT [PK_Products] PRIMARY KEY ([ProductCode])
    );
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();

INSERT INTO [dbo].[Products] ([ProductCode], [ProductName], [Line], [BaseRate], [IsActive], [LoadedAt])
SELECT  s.product_code, s.product_name, s.line, s.base_rate, s.is_active, @load_ts
FROM [etl].[stg_products] AS s
WHERE NOT EXISTS (SELECT 1 FROM [dbo].[Products] AS d WHERE d.[ProductCode] = s.product_code);

PRINT CONCAT(N'[dbo].[Products]: ', @@ROWCOUNT, N' new products');
GO
