DECLARE @cols NVARCHAR(MAX), @query NVARCHAR(MAX);
SELECT @cols = STRING_AGG(QUOTENAME(ProductCode), ',') FROM sbx_dbo.Products;
SET @query = N'SELECT * FROM (SELECT ProductCode, AnnualPremium FROM dbo.Policies) src
PIVOT (SUM(AnnualPremium) FOR ProductCode IN (' + @cols + N')) p';
EXEC sp_executesql @query;
