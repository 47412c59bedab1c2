-- construct: MERGE … WHEN NOT MATCHED BY SOURCE [AND …] THEN DELETE or UPDATE (a full sync)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/merge-transact-sql
-- A target row that no source row matches is deleted or updated by the first BY SOURCE
-- clause whose condition holds (of two, the second only where the first does not apply);
-- OUTPUT gives those rows with $action DELETE or UPDATE, and @@ROWCOUNT counts them with
-- the rows inserted and updated. The source may be a table, a subquery, a CTE, a #temp
-- table or a table variable.
DROP TABLE IF EXISTS dbo.sync_product;
DROP TABLE IF EXISTS dbo.sync_feed;
CREATE TABLE dbo.sync_product (code NVARCHAR(5) NOT NULL PRIMARY KEY, price INT, active INT);
CREATE TABLE dbo.sync_feed (code NVARCHAR(5), price INT);
INSERT INTO dbo.sync_product VALUES (N'a', 1, 1), (N'b', 2, 1), (N'c', 3, 1), (N'd', 0, 1);
INSERT INTO dbo.sync_feed VALUES (N'a', 10), (N'e', 50);
MERGE dbo.sync_product AS t USING dbo.sync_feed AS s ON t.code = s.code
WHEN MATCHED THEN UPDATE SET price = s.price
WHEN NOT MATCHED BY TARGET THEN INSERT (code, price, active) VALUES (s.code, s.price, 1)
WHEN NOT MATCHED BY SOURCE THEN DELETE;
PRINT @@ROWCOUNT;
-- prints: 5
PRINT (SELECT STRING_AGG(CONCAT(code, N':', price, N':', active), N',') WITHIN GROUP (ORDER BY code)
       FROM dbo.sync_product);
-- prints: a:10:1,e:50:1
DELETE FROM dbo.sync_product;
INSERT INTO dbo.sync_product VALUES (N'a', 1, 1), (N'b', 2, 1), (N'c', 3, 1), (N'd', 0, 1);
DECLARE @changes TABLE (action NVARCHAR(10), code NVARCHAR(5), price INT);
MERGE dbo.sync_product AS t
USING (SELECT code, price FROM dbo.sync_feed) AS s ON t.code = s.code
WHEN MATCHED THEN UPDATE SET price = s.price
WHEN NOT MATCHED THEN INSERT (code, price, active) VALUES (s.code, s.price, 1)
WHEN NOT MATCHED BY SOURCE AND t.price = 0 THEN DELETE
WHEN NOT MATCHED BY SOURCE THEN UPDATE SET active = 0
OUTPUT $action, inserted.code, inserted.price INTO @changes;
PRINT @@ROWCOUNT;
-- prints: 5
PRINT (SELECT STRING_AGG(CONCAT(action, N' ', ISNULL(code, N'-'), N' ', ISNULL(CAST(price AS NVARCHAR(10)), N'-')), N', ')
           WITHIN GROUP (ORDER BY action, ISNULL(code, N'-'))
       FROM @changes);
-- prints: DELETE - -, INSERT e 50, UPDATE a 10, UPDATE b 2, UPDATE c 3
PRINT (SELECT STRING_AGG(CONCAT(code, N':', price, N':', active), N',') WITHIN GROUP (ORDER BY code)
       FROM dbo.sync_product);
-- prints: a:10:1,b:2:0,c:3:0,e:50:1
DECLARE @gone TABLE (action NVARCHAR(10), code NVARCHAR(5));
WITH current_feed AS (SELECT code FROM dbo.sync_feed WHERE price > 20)
MERGE dbo.sync_product AS t USING current_feed AS s ON t.code = s.code
WHEN NOT MATCHED BY SOURCE AND t.active = 0 THEN DELETE
OUTPUT $action, deleted.code INTO @gone;
PRINT @@ROWCOUNT;
-- prints: 2
PRINT (SELECT STRING_AGG(CONCAT(action, N' ', code), N', ') WITHIN GROUP (ORDER BY code) FROM @gone);
-- prints: DELETE b, DELETE c
CREATE TABLE #feed (code NVARCHAR(5));
INSERT INTO #feed VALUES (N'a');
MERGE dbo.sync_product AS t USING #feed AS s ON t.code = s.code
WHEN NOT MATCHED BY SOURCE THEN UPDATE SET active = 0;
PRINT @@ROWCOUNT;
-- prints: 1
DECLARE @keep TABLE (code NVARCHAR(5));
INSERT INTO @keep VALUES (N'e');
MERGE dbo.sync_product AS t USING @keep AS s ON t.code = s.code
WHEN NOT MATCHED BY SOURCE THEN DELETE;
PRINT @@ROWCOUNT;
-- prints: 1
MERGE dbo.sync_product AS t USING @keep AS s ON t.code = s.code
WHEN NOT MATCHED BY SOURCE THEN DELETE;
PRINT @@ROWCOUNT;
-- prints: 0
PRINT (SELECT STRING_AGG(CONCAT(code, N':', price, N':', active), N',') WITHIN GROUP (ORDER BY code)
       FROM dbo.sync_product);
-- prints: e:50:0
DROP TABLE #feed;
DROP TABLE dbo.sync_product;
DROP TABLE dbo.sync_feed;
