-- construct: string function results compare, group and store without case
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/collations/collation-and-unicode-support
-- A string function's result keeps its argument's collation; under the default one, which
-- ignores case, LTRIM(tag) = 'PROMO' holds for ' promo', and so on for LEFT, SUBSTRING,
-- REPLACE and CONCAT, in WHERE, in COUNT(DISTINCT ...) and in a column SELECT ... INTO makes.
DROP TABLE IF EXISTS dbo.case_tags;
CREATE TABLE dbo.case_tags (id INT, tag NVARCHAR(20));
INSERT INTO dbo.case_tags VALUES (1, N' promo'), (2, N'Promo '), (3, N'PROMO'), (4, N'spring');
PRINT (SELECT COUNT(*) FROM dbo.case_tags WHERE LTRIM(RTRIM(tag)) = N'PROMO');
-- prints: 3
PRINT (SELECT COUNT(*) FROM dbo.case_tags WHERE LEFT(LTRIM(tag), 2) = 'pR');
-- prints: 3
PRINT (SELECT COUNT(DISTINCT LTRIM(RTRIM(tag))) FROM dbo.case_tags);
-- prints: 2
SELECT id, SUBSTRING(LTRIM(tag), 1, 5) AS part INTO #case_parts FROM dbo.case_tags;
PRINT (SELECT COUNT(*) FROM #case_parts WHERE part = 'promo');
-- prints: 3
PRINT (SELECT COUNT(*) FROM dbo.case_tags
       WHERE REPLACE(tag, N' ', N'') = N'PrOmO' AND CONCAT(N'x', LTRIM(RTRIM(tag))) = N'XPROMO');
-- prints: 3
DROP TABLE #case_parts;
DROP TABLE dbo.case_tags;
