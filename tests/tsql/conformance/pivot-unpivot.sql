-- construct: PIVOT / UNPIVOT over a derived table that lists its columns
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/queries/from-using-pivot-and-unpivot
-- PIVOT groups by every column of its source but the pivoted and the aggregated one; COUNT
-- of no row is 0 and SUM of no row is NULL. UNPIVOT leaves out the NULLs.
-- compat on duckdb, postgres at 29:29: PIVOT
DROP TABLE IF EXISTS dbo.ConfSales;
CREATE TABLE dbo.ConfSales (Region NVARCHAR(10), Qtr INT, Amount DECIMAL(10, 2), Returns DECIMAL(10, 2));
INSERT INTO dbo.ConfSales VALUES (N'North', 1, 10.50, 1.00), (N'North', 2, 20.25, NULL), (N'South', 1, 5.00, 0.50), (N'North', 1, 1.00, NULL), (N'South', 3, 7.75, NULL);
PRINT (SELECT STRING_AGG(CONCAT(Region, N' ', [1], N'|', [2], N'|', [3]), N', ') WITHIN GROUP (ORDER BY Region)
       FROM (SELECT Region, Qtr, Amount FROM dbo.ConfSales) AS s
       PIVOT (SUM(Amount) FOR Qtr IN ([1], [2], [3])) AS p);
-- prints: North 11.50|20.25|, South 5.00||7.75
PRINT (SELECT STRING_AGG(CONCAT(Qtr, N':', North, N'/', South), N' ') WITHIN GROUP (ORDER BY Qtr)
       FROM (SELECT Qtr, Region, Amount FROM dbo.ConfSales) AS s
       PIVOT (COUNT(Amount) FOR Region IN ([North], [South])) AS p);
-- prints: 1:2/1 2:1/0 3:0/1
PRINT (SELECT STRING_AGG(CONCAT(Region, N'.', Measure, N'=', Value), N' ') WITHIN GROUP (ORDER BY Region, Measure, Value)
       FROM (SELECT Region, Amount, Returns FROM dbo.ConfSales WHERE Qtr = 1) AS s
       UNPIVOT (Value FOR Measure IN (Amount, Returns)) AS u);
-- prints: North.Amount=1.00 North.Amount=10.50 North.Returns=1.00 South.Amount=5.00 South.Returns=0.50
SELECT Region, [1] AS Q1
INTO #pivoted
FROM (SELECT Region, Qtr, Amount FROM dbo.ConfSales) AS s
PIVOT (MAX(Amount) FOR Qtr IN ([1])) AS p;
PRINT (SELECT STRING_AGG(CONCAT(Region, N'=', Q1), N' ') WITHIN GROUP (ORDER BY Region) FROM #pivoted);
-- prints: North=10.50 South=5.00
DROP TABLE #pivoted;
-- Over a table, the columns PIVOT groups by are the table's: the statement does not show them.
SELECT * FROM dbo.ConfSales PIVOT (SUM(Amount) FOR Qtr IN ([1])) AS p;
DROP TABLE dbo.ConfSales;
