-- A MERGE ... OUTPUT of the source's columns that fails (a target row matched twice) and
-- is caught, outside a transaction and inside one: the target keeps its rows and columns;
-- then one that succeeds inside a transaction that commits.
CREATE TABLE dbo.ms_stock (sku NVARCHAR(10) PRIMARY KEY, qty INT);
CREATE TABLE dbo.ms_counts (sku NVARCHAR(10), qty INT, note NVARCHAR(10));
DECLARE @audit TABLE (action NVARCHAR(10), sku NVARCHAR(10), note NVARCHAR(10), old_qty INT);
INSERT INTO dbo.ms_stock VALUES (N'A', 1), (N'B', 2);
INSERT INTO dbo.ms_counts VALUES (N'A', 5, N'x'), (N'A', 6, N'y'), (N'C', 7, N'z');
BEGIN TRY
    MERGE dbo.ms_stock AS t USING dbo.ms_counts AS s ON t.sku = s.sku
    WHEN MATCHED THEN UPDATE SET qty = s.qty
    WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (s.sku, s.qty)
    OUTPUT $action, s.sku, s.note, deleted.qty INTO @audit;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
PRINT (SELECT COUNT(*) FROM sys.columns WHERE object_id = OBJECT_ID(N'dbo.ms_stock'));
PRINT (SELECT STRING_AGG(CONCAT(sku, N':', qty), N', ') WITHIN GROUP (ORDER BY sku) FROM dbo.ms_stock);
DELETE FROM dbo.ms_counts WHERE note = N'y';
BEGIN TRANSACTION;
MERGE dbo.ms_stock AS t USING dbo.ms_counts AS s ON t.sku = s.sku
WHEN MATCHED THEN UPDATE SET qty = s.qty
WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (s.sku, s.qty)
OUTPUT $action, s.sku, s.note, deleted.qty INTO @audit;
COMMIT;
PRINT (SELECT COUNT(*) FROM sys.columns WHERE object_id = OBJECT_ID(N'dbo.ms_stock'));
PRINT (SELECT STRING_AGG(CONCAT(action, N' ', sku, N' ', note, N' ', ISNULL(old_qty, -1)), N', ')
    WITHIN GROUP (ORDER BY sku) FROM @audit);
PRINT (SELECT STRING_AGG(CONCAT(sku, N':', qty), N', ') WITHIN GROUP (ORDER BY sku) FROM dbo.ms_stock);
