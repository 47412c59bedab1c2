-- construct: #temp and ##global temp tables as UPDATE / DELETE targets (OUTPUT, FROM ... JOIN, #t.column), DROP TABLE #a, #b
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/queries/update-transact-sql
CREATE TABLE #stock (id INT, qty INT);
INSERT INTO #stock VALUES (1, 5), (2, 6), (3, 7);
CREATE TABLE #picked (id INT);
INSERT INTO #picked VALUES (2);
CREATE TABLE #changes (id INT, old_qty INT, new_qty INT);
UPDATE #stock SET qty = qty + 1
OUTPUT inserted.id, deleted.qty, inserted.qty INTO #changes (id, old_qty, new_qty)
WHERE id = 1;
PRINT (SELECT CONCAT(id, N':', old_qty, N'->', new_qty) FROM #changes);
-- prints: 1:5->6
-- A temporary table's name qualifies its columns.
UPDATE #stock SET qty = 0 FROM #stock JOIN #picked ON #picked.id = #stock.id;
PRINT (SELECT SUM(qty) FROM #stock);
-- prints: 13
DELETE #stock FROM #stock JOIN #picked ON #picked.id = #stock.id;
PRINT @@ROWCOUNT;
-- prints: 1
SELECT id, qty INTO ##stock_copy FROM #stock;
DELETE FROM ##stock_copy OUTPUT deleted.id INTO #picked (id) WHERE qty > 6;
PRINT (SELECT COUNT(*) FROM #picked);
-- prints: 2
DROP TABLE #stock, #picked, #changes, ##stock_copy;
PRINT IIF(OBJECT_ID(N'tempdb..#stock') IS NULL AND OBJECT_ID(N'tempdb..##stock_copy') IS NULL, 'dropped', 'kept');
-- prints: dropped
