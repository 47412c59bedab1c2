-- construct: CREATE OR ALTER VIEW, DROP VIEW IF EXISTS
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-view-transact-sql
DROP VIEW IF EXISTS dbo.conf_v_orders;
DROP TABLE IF EXISTS dbo.conf_orders;
GO
CREATE TABLE dbo.conf_orders (id INT PRIMARY KEY, qty INT NOT NULL);
INSERT INTO dbo.conf_orders VALUES (1, 5), (2, 7);
GO
CREATE OR ALTER VIEW dbo.conf_v_orders
AS
SELECT id, qty FROM dbo.conf_orders WHERE qty > 5;
GO
PRINT (SELECT COUNT(*) FROM dbo.conf_v_orders);
-- prints: 1
GO
-- A second CREATE OR ALTER replaces the query of the view that exists.
CREATE OR ALTER VIEW dbo.conf_v_orders AS SELECT id, qty FROM dbo.conf_orders;
GO
PRINT (SELECT SUM(qty) FROM dbo.conf_v_orders);
-- prints: 12
PRINT IIF(OBJECT_ID(N'dbo.conf_v_orders', N'V') IS NULL, 'no view', 'view');
-- prints: view
DROP VIEW IF EXISTS dbo.conf_v_orders;
DROP VIEW IF EXISTS dbo.conf_v_orders;
PRINT IIF(OBJECT_ID(N'dbo.conf_v_orders') IS NULL, 'gone', 'kept');
-- prints: gone
DROP TABLE dbo.conf_orders;
