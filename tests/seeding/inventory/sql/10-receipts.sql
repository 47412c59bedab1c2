/* 10-receipts.sql: the day's receipts per SKU (rows without a quantity are dropped). */
SET NOCOUNT ON;
TRUNCATE TABLE work.receipts;
INSERT INTO work.receipts (sku, quantity)
SELECT r.sku, SUM(r.quantity)
FROM feed.receipts AS r
WHERE r.quantity IS NOT NULL AND r.sku IS NOT NULL
GROUP BY r.sku;
GO
