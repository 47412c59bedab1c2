/* 01-setup.sql: CREATE SCHEMA must start its batch, so this team runs it as dynamic SQL
   after the step's first message. */
PRINT 'creating the staging schema';
EXEC(N'CREATE SCHEMA stage');
GO
CREATE TABLE stage.orders (id int NOT NULL PRIMARY KEY, amount decimal(10,2));
INSERT INTO stage.orders (id, amount) VALUES (1, 50), (2, 150);
GO
