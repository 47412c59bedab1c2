INSERT INTO #got
EXEC (N'UPDATE dbo.ie_stock SET qty = qty + 1 OUTPUT inserted.sku, inserted.qty WHERE sku = N''A''');
