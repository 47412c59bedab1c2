INSERT INTO dw.dim_store (store_id) SELECT DISTINCT store_id FROM landing.sales;
GO
