CREATE TABLE etl.orders (id INT IDENTITY(1, 1) PRIMARY KEY, customer NVARCHAR(40), amount DECIMAL(10, 2));
CREATE TABLE etl.order_audit (id INT, customer NVARCHAR(40), action NVARCHAR(10));
CREATE SEQUENCE etl.batch_numbers AS INT START WITH 100;
