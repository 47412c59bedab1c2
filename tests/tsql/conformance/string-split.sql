-- construct: STRING_SPLIT
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/string-split-transact-sql
DECLARE @tags NVARCHAR(400) = 'clothing,road,,touring,bike';
DECLARE @count INT, @list NVARCHAR(400);
-- Empty substrings are returned too; the example filters them out.
SELECT @count = COUNT(*) FROM STRING_SPLIT(@tags, ',');
PRINT @count;
-- prints: 5
SELECT @count = COUNT(*) FROM STRING_SPLIT(@tags, ',') WHERE RTRIM(value) <> '';
PRINT @count;
-- prints: 4
-- With enable_ordinal = 1, ordinal is each substring's 1-based position.
SELECT @list = STRING_AGG(value, ',') WITHIN GROUP (ORDER BY ordinal)
FROM STRING_SPLIT('Austin,Texas,Seattle,Washington,Denver,Colorado', ',', 1)
WHERE ordinal % 2 = 0;
PRINT @list;
-- prints: Texas,Washington,Colorado
SELECT @list = STRING_AGG(CONCAT(value, ordinal), ' ') WITHIN GROUP (ORDER BY ordinal DESC)
FROM STRING_SPLIT('E-D-C-B-A', '-', 1);
PRINT @list;
-- prints: A5 B4 C3 D2 E1
-- A NULL string gives an empty table.
DECLARE @none NVARCHAR(10) = NULL;
SELECT @count = COUNT(*) FROM STRING_SPLIT(@none, ',');
PRINT @count;
-- prints: 0
-- In CROSS APPLY, one row per tag of each product.
DROP TABLE IF EXISTS dbo.split_products;
CREATE TABLE dbo.split_products (ProductId INT, Name NVARCHAR(50), Tags NVARCHAR(100));
INSERT INTO dbo.split_products VALUES (1, N'Full-Finger Gloves', N'clothing,road,touring,bike'),
    (2, N'LL Headset', N'bike'), (3, N'HL Mountain Frame', N'bike,mountain');
SELECT @count = COUNT(*) FROM dbo.split_products CROSS APPLY STRING_SPLIT(Tags, ',');
PRINT @count;
-- prints: 7
SELECT @list = STRING_AGG(CONCAT(value, '=', number_of_articles), ' ')
FROM (SELECT value, COUNT(*) AS number_of_articles
      FROM dbo.split_products CROSS APPLY STRING_SPLIT(Tags, ',')
      GROUP BY value HAVING COUNT(*) > 2) AS tags;
PRINT @list;
-- prints: bike=3
SELECT @list = STRING_AGG(Name, ', ') WITHIN GROUP (ORDER BY ProductId)
FROM dbo.split_products JOIN STRING_SPLIT('1,3', ',') ON value = ProductId;
PRINT @list;
-- prints: Full-Finger Gloves, HL Mountain Frame
DROP TABLE dbo.split_products;
