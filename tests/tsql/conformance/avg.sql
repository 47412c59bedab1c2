-- construct: AVG
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/avg-transact-sql
-- AVG's type follows its argument's: the average of integers is an integer, truncated
-- toward zero; NULLs are left out, and the average of no rows is NULL.
DROP TABLE IF EXISTS dbo.avg_hours;
CREATE TABLE dbo.avg_hours (team INT, hours INT, big_hours BIGINT, rate FLOAT);
INSERT INTO dbo.avg_hours VALUES (1, 1, 10, 1.5), (1, 2, 11, 2.0), (1, -8, 12, NULL),
    (2, 5, NULL, NULL), (2, NULL, NULL, NULL);
DECLARE @text VARCHAR(200);
SELECT @text = CONCAT(AVG(hours), ' ', AVG(big_hours), ' ', AVG(rate), ' ',
    AVG(DISTINCT hours + 8), ' ', 10 / AVG(big_hours))
FROM dbo.avg_hours WHERE team = 1;
PRINT @text;
-- prints: -1 11 1.75 6 0
SELECT @text = STRING_AGG(CONCAT(team, ':', average), ',') WITHIN GROUP (ORDER BY team)
FROM (SELECT team, AVG(hours) AS average FROM dbo.avg_hours GROUP BY team) AS teams;
PRINT @text;
-- prints: 1:-1,2:5
PRINT ISNULL(CAST((SELECT AVG(hours) FROM dbo.avg_hours WHERE team = 3) AS VARCHAR(10)), 'NULL');
-- prints: NULL
-- Over a window: a running average of integers stays an integer.
SELECT @text = STRING_AGG(CAST(running AS VARCHAR(10)), ',') WITHIN GROUP (ORDER BY big_hours)
FROM (SELECT big_hours, AVG(hours) OVER (ORDER BY big_hours
          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running
      FROM dbo.avg_hours WHERE team = 1) AS days;
PRINT @text;
-- prints: 1,1,-1
-- A decimal's average keeps at least six decimals (truncated), here stored in two.
DROP TABLE IF EXISTS dbo.avg_prices;
CREATE TABLE dbo.avg_prices (price DECIMAL(10, 2));
INSERT INTO dbo.avg_prices VALUES (1.00), (2.00), (2.00);
DECLARE @average DECIMAL(10, 2);
SELECT @average = AVG(price) FROM dbo.avg_prices;
PRINT @average;
-- prints: 1.67
DROP TABLE dbo.avg_prices;
DROP TABLE dbo.avg_hours;
