CREATE TABLE dw.fact_sales (sale_id BIGINT NOT NULL PRIMARY KEY, amount DECIMAL(12, 2));
GO
