-- construct: STRING_AGG
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/string-agg-transact-sql
DROP TABLE IF EXISTS dbo.agg_people;
CREATE TABLE dbo.agg_people (id INT, town NVARCHAR(20), name NVARCHAR(20));
INSERT INTO dbo.agg_people VALUES (1, N'Seattle', N'Ken'), (2, N'Seattle', NULL),
    (3, N'Seattle', N'Amy'), (4, N'Bothell', N'Rob');
DECLARE @list NVARCHAR(200);
-- NULL values are ignored and the corresponding separator is not added.
SELECT @list = STRING_AGG(name, ', ') FROM dbo.agg_people WHERE id <= 2;
PRINT @list;
-- prints: Ken
-- WITHIN GROUP orders the concatenation.
SELECT @list = STRING_AGG(name, ';') WITHIN GROUP (ORDER BY name ASC) FROM dbo.agg_people;
PRINT @list;
-- prints: Amy;Ken;Rob
SELECT @list = STRING_AGG(CONCAT(town, ':', names), ' | ') WITHIN GROUP (ORDER BY town)
FROM (SELECT town, STRING_AGG(name, ',') WITHIN GROUP (ORDER BY name DESC) AS names
      FROM dbo.agg_people GROUP BY town) AS towns;
PRINT @list;
-- prints: Bothell:Rob | Seattle:Ken,Amy
-- Values are converted to text.
SELECT @list = STRING_AGG(id, '+') WITHIN GROUP (ORDER BY id) FROM dbo.agg_people;
PRINT @list;
-- prints: 1+2+3+4
-- No rows: NULL.
SELECT @list = STRING_AGG(name, ',') FROM dbo.agg_people WHERE id > 10;
PRINT ISNULL(@list, 'NULL');
-- prints: NULL
DROP TABLE dbo.agg_people;
