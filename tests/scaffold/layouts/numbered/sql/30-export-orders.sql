IF OBJECT_ID(N'sales.Orders', N'U') IS NULL
    CREATE TABLE sales.Orders (OrderId INT NOT NULL PRIMARY KEY, Amount DECIMAL(10, 2));
INSERT INTO sales.Orders (OrderId, Amount)
SELECT order_id, SUM(amount) FROM stage.orders GROUP BY order_id;
GO
