/* The same schema as with-objects.sql (without the grant, which the emulations do not
   run), then rows through its view. */
CREATE SCHEMA stage AUTHORIZATION dbo
    CREATE TABLE customers (id int NOT NULL PRIMARY KEY, region varchar(10))
    CREATE TABLE orders (id int NOT NULL PRIMARY KEY, customer_id int, amount decimal(10,2))
    CREATE VIEW big_orders AS
        WITH big AS (SELECT id, customer_id FROM orders WHERE amount > 100)
        SELECT big.id, c.region FROM big JOIN customers AS c ON c.id = big.customer_id
GO
INSERT INTO stage.customers (id, region) VALUES (1, 'north'), (2, 'south');
INSERT INTO stage.orders (id, customer_id, amount) VALUES (1, 1, 50), (2, 2, 150), (3, 1, 300);
GO
