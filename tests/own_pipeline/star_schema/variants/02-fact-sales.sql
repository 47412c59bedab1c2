/* A broken load: the product key is taken from the feed's row number, not the dimension. */
INSERT INTO dw.FactSales (SaleId, ProductKey, SoldOn, Qty)
SELECT s.sale_id, s.sale_id * 10, s.sold_on, s.qty
FROM raw.sales AS s;
