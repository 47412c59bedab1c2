EXEC('CREATE VIEW dw.v_sales AS SELECT * FROM dw.fact_sales');
GO
