/* The product reference is rebuilt from the feed: one row per product code. */
DROP TABLE dv.RefProduct;
SELECT product_code AS ProductCode, MIN(ordered_on) AS FirstOrdered
INTO dv.RefProduct
FROM raw.orders
GROUP BY product_code;
GO
