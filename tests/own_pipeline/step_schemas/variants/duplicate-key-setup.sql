/* 01-setup.sql, a first try that fails after creating the schema: the second order
   repeats the first one's key. */
CREATE SCHEMA stage;
GO
CREATE TABLE stage.orders (id int NOT NULL PRIMARY KEY, amount decimal(10,2));
INSERT INTO stage.orders (id, amount) VALUES (1, 50), (1, 150);
GO
