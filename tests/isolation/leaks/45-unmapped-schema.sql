SELECT * FROM sales.orders;
