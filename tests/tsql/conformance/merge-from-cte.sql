-- construct: WITH … MERGE (a common table expression as the MERGE's source)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/merge-transact-sql
DROP TABLE IF EXISTS dbo.cte_totals;
DROP TABLE IF EXISTS dbo.cte_sales;
CREATE TABLE dbo.cte_sales (store NVARCHAR(5), qty INT);
INSERT INTO dbo.cte_sales VALUES (N'a', 1), (N'a', 2), (N'b', 5);
CREATE TABLE dbo.cte_totals (store NVARCHAR(5) NOT NULL PRIMARY KEY, qty INT);
INSERT INTO dbo.cte_totals VALUES (N'a', 1), (N'c', 9);
WITH totals AS (SELECT store, SUM(qty) AS qty FROM dbo.cte_sales GROUP BY store)
MERGE dbo.cte_totals AS t
USING totals AS s ON t.store = s.store
WHEN MATCHED THEN UPDATE SET t.qty = s.qty
WHEN NOT MATCHED BY TARGET THEN INSERT (store, qty) VALUES (s.store, s.qty);
PRINT @@ROWCOUNT;
-- prints: 2
PRINT (SELECT STRING_AGG(CONCAT(store, N':', qty), N',') WITHIN GROUP (ORDER BY store)
       FROM dbo.cte_totals);
-- prints: a:3,b:5,c:9
DROP TABLE dbo.cte_totals;
DROP TABLE dbo.cte_sales;
