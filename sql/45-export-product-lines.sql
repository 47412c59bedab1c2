/*
    45-export-product-lines.sql
    Product lines in use -> [dbo].[ProductLines].
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[ProductLines]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[ProductLines] (
        [Line]         NVARCHAR(20)   NOT NULL,
        [Description]  NVARCHAR(100)  NULL,
        [ProductCount] INT            NOT NULL,
        [LoadedAt]     DATETIME2      NOT NULL,
        CONSTRAINT [PK_ProductLines] PRIMARY KEY ([Line])
    );
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();

INSERT INTO [dbo].[ProductLines] ([Line], [Description], [ProductCount], [LoadedAt])
SELECT  p.line,
        MAX(m.description),
        COUNT(DISTINCT p.product_code),
        @load_ts
FROM [etl].[stg_products] AS p
LEFT JOIN [etl].[map_codes] AS m
       ON m.code_set = 'PRODUCT_LINE'
      AND m.target_code = p.line
WHERE NOT EXISTS (SELECT 1 FROM [dbo].[ProductLines] AS d WHERE d.[Line] = p.line)
GROUP BY p.line;

PRINT CONCAT(N'[dbo].[ProductLines]: ', @@ROWCOUNT, N' lines');
GO
