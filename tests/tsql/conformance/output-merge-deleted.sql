-- construct: OUTPUT $action, deleted / inserted of a MERGE that updates and deletes
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/merge-transact-sql
-- deleted.x is the row before an UPDATE or DELETE, NULL for an INSERT (on DuckDB, whose
-- MERGE returns the rows after the change only, read from the rows kept before it).
DROP TABLE IF EXISTS dbo.merge_stock;
DROP TABLE IF EXISTS dbo.merge_counts;
DROP TABLE IF EXISTS dbo.merge_audit;
CREATE TABLE dbo.merge_stock (sku NVARCHAR(10) PRIMARY KEY, qty INT);
CREATE TABLE dbo.merge_counts (sku NVARCHAR(10), qty INT);
CREATE TABLE dbo.merge_audit (action NVARCHAR(10), sku NVARCHAR(10), old_qty INT, new_qty INT);
INSERT INTO dbo.merge_stock VALUES (N'A', 5), (N'B', 3);
INSERT INTO dbo.merge_counts VALUES (N'A', 7), (N'B', 0), (N'C', 2);
MERGE dbo.merge_stock AS t USING dbo.merge_counts AS s ON t.sku = s.sku
WHEN MATCHED AND s.qty = 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET qty = s.qty
WHEN NOT MATCHED BY TARGET THEN INSERT (sku, qty) VALUES (s.sku, s.qty)
OUTPUT $action, COALESCE(inserted.sku, deleted.sku), deleted.qty, inserted.qty INTO dbo.merge_audit;
PRINT @@ROWCOUNT;
-- prints: 3
DECLARE @log NVARCHAR(200);
SELECT @log = STRING_AGG(CONCAT(action, N' ', sku, N' ', ISNULL(old_qty, -1), N'->', ISNULL(new_qty, -1)), N', ')
    WITHIN GROUP (ORDER BY sku)
FROM dbo.merge_audit;
PRINT @log;
-- prints: UPDATE A 5->7, DELETE B 3->-1, INSERT C -1->2
DROP TABLE dbo.merge_stock;
DROP TABLE dbo.merge_counts;
DROP TABLE dbo.merge_audit;
