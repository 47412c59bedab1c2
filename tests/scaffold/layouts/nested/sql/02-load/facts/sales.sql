INSERT INTO dw.fact_sales (sale_id, amount) SELECT id, amount FROM landing.sales;
GO
