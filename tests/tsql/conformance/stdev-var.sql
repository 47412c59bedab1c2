-- construct: STDEV / STDEVP / VAR / VARP
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/stdev-transact-sql
-- The sample (STDEV, VAR) and population (STDEVP, VARP) spreads are floats; NULLs are
-- left out; the sample spread of one value is NULL, the population spread 0.
DROP TABLE IF EXISTS dbo.spread_scores;
CREATE TABLE dbo.spread_scores (team INT, score DECIMAL(5, 2));
INSERT INTO dbo.spread_scores VALUES (1, 2), (1, 4), (1, 4), (1, 4), (1, 5), (1, 5),
    (1, 7), (1, 9), (1, NULL), (2, 3);
DECLARE @sample FLOAT, @population FLOAT, @variance FLOAT, @pvariance FLOAT;
SELECT @sample = STDEV(score), @population = STDEVP(score), @variance = VAR(score),
    @pvariance = VARP(score)
FROM dbo.spread_scores WHERE team = 1;
PRINT CONCAT(CAST(ROUND(@sample * 1000000, 0) AS INT), ' ', CAST(@population AS INT), ' ',
    CAST(ROUND(@variance * 1000000, 0) AS INT), ' ', CAST(@pvariance AS INT));
-- prints: 2138090 2 4571429 4
SELECT @sample = STDEV(score), @population = STDEVP(score), @variance = VAR(score),
    @pvariance = VARP(score)
FROM dbo.spread_scores WHERE team = 2;
PRINT CONCAT(ISNULL(CAST(@sample AS VARCHAR(10)), 'NULL'), ' ', CAST(@population AS INT), ' ',
    ISNULL(CAST(@variance AS VARCHAR(10)), 'NULL'), ' ', CAST(@pvariance AS INT));
-- prints: NULL 0 NULL 0
SELECT @variance = VAR(DISTINCT score) FROM dbo.spread_scores WHERE team = 1;
PRINT CAST(ROUND(@variance, 6) * 10 AS INT);
-- prints: 73
-- Over a window, per team.
DECLARE @text VARCHAR(100);
SELECT @text = STRING_AGG(CONCAT(team, ':', CAST(spread AS INT)), ',') WITHIN GROUP (ORDER BY team)
FROM (SELECT DISTINCT team, VARP(score) OVER (PARTITION BY team) AS spread
      FROM dbo.spread_scores) AS teams;
PRINT @text;
-- prints: 1:4,2:0
DROP TABLE dbo.spread_scores;
