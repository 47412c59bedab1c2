/* The rebuild without its GROUP BY: a product ordered twice is in the reference twice. */
DROP TABLE dv.RefProduct;
SELECT product_code AS ProductCode, ordered_on AS FirstOrdered
INTO dv.RefProduct
FROM raw.orders;
GO
