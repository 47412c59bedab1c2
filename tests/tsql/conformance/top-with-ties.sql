-- construct: TOP (n) WITH TIES
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/queries/top-transact-sql
-- WITH TIES returns the first n rows of the ORDER BY and every row that ties with the
-- last of them on its columns, so more than n rows can come back.
DROP TABLE IF EXISTS dbo.ties_rates;
CREATE TABLE dbo.ties_rates (id INT, name NVARCHAR(20), rate DECIMAL(5, 2));
INSERT INTO dbo.ties_rates VALUES (1, N'Ana', 60.00), (2, N'Bo', 48.10), (3, N'Cy', 48.10),
    (4, N'Di', 48.10), (5, N'Ed', 40.00), (6, N'Fa', 63.50);
DECLARE @names NVARCHAR(200);
SELECT @names = STRING_AGG(name, ',') WITHIN GROUP (ORDER BY rate DESC, name)
FROM (SELECT TOP (3) WITH TIES name, rate FROM dbo.ties_rates ORDER BY rate DESC) AS top_rates;
PRINT @names;
-- prints: Fa,Ana,Bo,Cy,Di
-- Without WITH TIES, TOP (3) stops at three rows.
SELECT @names = CAST(COUNT(*) AS NVARCHAR(10))
FROM (SELECT TOP (3) name FROM dbo.ties_rates ORDER BY rate DESC) AS top_rates;
PRINT @names;
-- prints: 3
-- No tie at the last row: exactly n rows.
SELECT @names = STRING_AGG(name, ',') WITHIN GROUP (ORDER BY rate)
FROM (SELECT TOP (1) WITH TIES name, rate FROM dbo.ties_rates ORDER BY rate) AS low;
PRINT @names;
-- prints: Ed
-- Into a table, the count in a variable; @@ROWCOUNT counts the ties.
DROP TABLE IF EXISTS dbo.ties_best;
CREATE TABLE dbo.ties_best (id INT);
DECLARE @n INT = 2;
INSERT INTO dbo.ties_best (id) SELECT TOP (@n) WITH TIES id FROM dbo.ties_rates ORDER BY rate;
PRINT @@ROWCOUNT;
-- prints: 4
DROP TABLE dbo.ties_best;
DROP TABLE dbo.ties_rates;
