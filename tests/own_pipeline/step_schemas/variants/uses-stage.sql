/* 01-setup.sql: uses a staging schema it never creates (the team's DBA made it once). */
CREATE TABLE stage.orders (id int NOT NULL PRIMARY KEY, amount decimal(10,2));
INSERT INTO stage.orders (id, amount) VALUES (1, 50), (2, 150);
GO
