/* 01-setup.sql: the staging schema is the pipeline's own; production does not have it. */
CREATE SCHEMA stage;
GO
CREATE TABLE stage.orders (id int NOT NULL PRIMARY KEY, amount decimal(10,2));
INSERT INTO stage.orders (id, amount) VALUES (1, 50), (2, 150);
GO
