-- construct: GROUP BY ROLLUP / CUBE / GROUPING SETS with GROUPING and GROUPING_ID
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/grouping-id-transact-sql
DROP TABLE IF EXISTS dbo.conf_sales;
CREATE TABLE dbo.conf_sales (region NVARCHAR(10), yr INT, amount DECIMAL(10, 2));
INSERT INTO dbo.conf_sales VALUES (N'North', 2024, 10.50), (N'North', 2025, 20.25), (N'South', 2024, 5.00);
PRINT (SELECT STRING_AGG(CONCAT(region, N'/', yr, N'=', total, N' g', g, N' id', gid), N', ')
    WITHIN GROUP (ORDER BY gid, region, yr)
    FROM (SELECT region, yr, SUM(amount) AS total, GROUPING(region) AS g,
                 GROUPING_ID(region, yr) AS gid
          FROM dbo.conf_sales GROUP BY CUBE (region, yr)) AS c);
-- prints: North/2024=10.50 g0 id0, North/2025=20.25 g0 id0, South/2024=5.00 g0 id0, North/=30.75 g0 id1, South/=5.00 g0 id1, /2024=15.50 g1 id2, /2025=20.25 g1 id2, /=35.75 g1 id3
PRINT (SELECT COUNT(*) FROM (SELECT region, yr FROM dbo.conf_sales GROUP BY ROLLUP (region, yr)) AS r);
-- prints: 6
PRINT (SELECT STRING_AGG(CONCAT(COALESCE(region, N'*'), N':', total), N' ')
    WITHIN GROUP (ORDER BY g, region)
    FROM (SELECT region, SUM(amount) AS total, GROUPING(region) AS g FROM dbo.conf_sales
          GROUP BY GROUPING SETS ((region), ())) AS s);
-- prints: North:30.75 South:5.00 *:35.75
DROP TABLE dbo.conf_sales;
