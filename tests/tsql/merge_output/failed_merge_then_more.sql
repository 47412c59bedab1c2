-- A MERGE ... OUTPUT that fails (a key repeated by its INSERT) and is caught; the table
-- is written again afterwards, then merged with OUTPUT once more.
CREATE TABLE dbo.mo_stock (sku NVARCHAR(10) PRIMARY KEY, qty INT);
CREATE TABLE dbo.mo_counts (sku NVARCHAR(10), qty INT);
CREATE TABLE dbo.mo_audit (action NVARCHAR(10), sku NVARCHAR(10));
INSERT INTO dbo.mo_counts VALUES (N'A', 1), (N'A', 2);
BEGIN TRY
    MERGE dbo.mo_stock AS t USING dbo.mo_counts AS s ON t.sku = s.sku
    WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (s.sku, s.qty)
    OUTPUT $action, inserted.sku INTO dbo.mo_audit;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
INSERT INTO dbo.mo_stock VALUES (N'B', 1);
UPDATE dbo.mo_stock SET qty = 5;
DELETE FROM dbo.mo_counts WHERE qty = 2;
MERGE dbo.mo_stock AS t USING dbo.mo_counts AS s ON t.sku = s.sku
WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (s.sku, s.qty)
OUTPUT $action, inserted.sku INTO dbo.mo_audit;
PRINT (SELECT STRING_AGG(CONCAT(action, N' ', sku), N', ') FROM dbo.mo_audit);
PRINT (SELECT COUNT(*) FROM dbo.mo_stock);
