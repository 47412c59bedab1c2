/* The facts: each new sale with the key of its product. */
INSERT INTO dw.FactSales (SaleId, ProductKey, SoldOn, Qty)
SELECT s.sale_id, d.ProductKey, s.sold_on, s.qty
FROM raw.sales AS s
JOIN dw.DimProduct AS d ON d.Code = s.product_code
WHERE NOT EXISTS (SELECT 1 FROM dw.FactSales f WHERE f.SaleId = s.sale_id);
PRINT CONCAT('facts added: ', @@ROWCOUNT);
