/* 01-setup.sql, SSDT style: the schema is created with its objects in one statement, so
   the table, the view and the grant belong to stage although none of them says so. */
CREATE SCHEMA stage AUTHORIZATION dbo
    CREATE TABLE orders (id int NOT NULL PRIMARY KEY, amount decimal(10,2))
    CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100
GO
INSERT INTO stage.orders (id, amount) VALUES (1, 50), (2, 150), (3, 300);
GO
