/* 20-new-items.sql: an SKU received for the first time becomes an item (IDENTITY key). */
SET NOCOUNT ON;
MERGE inv.Items AS tgt
USING work.receipts AS src
   ON tgt.Sku = src.sku
WHEN MATCHED AND tgt.Active = 0
    THEN UPDATE SET Active = 1
WHEN NOT MATCHED BY TARGET
    THEN INSERT (Sku, Name) VALUES (src.sku, CONCAT(N'New item ', src.sku));
GO
