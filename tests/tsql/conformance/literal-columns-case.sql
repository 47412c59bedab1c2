-- construct: a column made of string literals compares without case
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/collations/collation-and-unicode-support
-- A literal takes the database's default collation, which ignores case: a column a VALUES
-- table, a SELECT list or a CASE makes of literals matches 'units' for N'Units', in
-- WHERE and in the table SELECT ... INTO makes of it.
SELECT u.Metric INTO #metrics FROM (VALUES (N'Revenue'), (N'Units')) AS u (Metric);
PRINT (SELECT COUNT(*) FROM #metrics WHERE Metric = 'units');
-- prints: 1
PRINT (SELECT COUNT(*) FROM (VALUES ('a'), ('A'), ('b')) AS v (x) WHERE x = 'a');
-- prints: 2
SELECT N'OPEN' AS Status, 'x' AS Code INTO #statuses;
PRINT (SELECT COUNT(*) FROM #statuses WHERE Status = 'open' AND Code = 'X');
-- prints: 1
SELECT CASE WHEN 1 = 1 THEN 'Yes' ELSE 'No' END AS Answer INTO #answers;
PRINT (SELECT COUNT(*) FROM #answers WHERE Answer = 'YES');
-- prints: 1
PRINT (SELECT COUNT(DISTINCT k) FROM (SELECT N'Key' AS k UNION ALL SELECT N'KEY') AS both_keys);
-- prints: 1
