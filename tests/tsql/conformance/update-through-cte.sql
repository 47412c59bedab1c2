-- construct: UPDATE through a CTE over one table (UPDATE c SET col = rn), as sequencing and clean-up write it
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/queries/with-common-table-expression-transact-sql
-- compat on duckdb, postgres at 23:1: UPDATE through a CTE
DROP TABLE IF EXISTS dbo.ConfVisits;
CREATE TABLE dbo.ConfVisits (CustomerId INT, VisitedAt INT, Seq INT, Amount DECIMAL(10, 2));
INSERT INTO dbo.ConfVisits VALUES (1, 30, NULL, 5.00), (1, 10, NULL, 7.50), (2, 20, NULL, 1.25), (1, 20, NULL, 2.00);
WITH numbered AS (
    SELECT Seq, ROW_NUMBER() OVER (PARTITION BY CustomerId ORDER BY VisitedAt) AS rn
    FROM dbo.ConfVisits
)
UPDATE numbered SET Seq = rn;
PRINT @@ROWCOUNT;
-- prints: 4
PRINT (SELECT STRING_AGG(CONCAT(CustomerId, N':', VisitedAt, N'#', Seq), N' ') WITHIN GROUP (ORDER BY CustomerId, VisitedAt) FROM dbo.ConfVisits);
-- prints: 1:10#1 1:20#2 1:30#3 2:20#1
WITH Small AS (SELECT v.Amount AS amt, v.CustomerId AS who FROM [dbo].[ConfVisits] AS v WHERE v.Amount < 6)
UPDATE Small SET amt = amt * 10 WHERE who = 1;
PRINT @@ROWCOUNT;
-- prints: 2
PRINT (SELECT SUM(Amount) FROM dbo.ConfVisits);
-- prints: 78.75
-- A CTE column that is computed cannot be set: SQL Server's error 4406.
WITH doubled AS (SELECT Amount * 2 AS twice FROM dbo.ConfVisits) UPDATE doubled SET twice = 0;
DROP TABLE dbo.ConfVisits;
