/* SSDT style: the schema and what is in it, in one statement that ends at the ';'. */
CREATE SCHEMA [stage] AUTHORIZATION dbo
    CREATE TABLE customers (id int NOT NULL PRIMARY KEY, region varchar(10))
    CREATE TABLE orders (id int NOT NULL PRIMARY KEY, customer_id int, amount decimal(10,2))
    CREATE VIEW big_orders AS
        WITH big AS (SELECT id, customer_id FROM orders WHERE amount > 100)
        SELECT big.id, c.region FROM big JOIN customers AS c ON c.id = big.customer_id
    GRANT SELECT ON big_orders TO public;
CREATE TABLE loose (id int);
GO
