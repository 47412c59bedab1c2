/* 01-setup.sql: the schema is made only where it is missing, as teams guard it. */
IF SCHEMA_ID(N'stage') IS NULL
    EXEC(N'CREATE SCHEMA stage');
GO
CREATE TABLE stage.orders (id int NOT NULL PRIMARY KEY, amount decimal(10,2));
INSERT INTO stage.orders (id, amount) VALUES (1, 50), (2, 150);
GO
