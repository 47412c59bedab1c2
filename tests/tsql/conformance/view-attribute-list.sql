-- construct: CREATE OR ALTER VIEW … WITH SCHEMABINDING, VIEW_METADATA, as SSDT writes views
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-view-transact-sql
-- "WITH <view_attribute> [ ,...n ]": SCHEMABINDING, VIEW_METADATA and ENCRYPTION, in a
-- list. The view reads its table as any other (a disposable database needs no binding).
DROP VIEW IF EXISTS dbo.bound_totals;
DROP TABLE IF EXISTS dbo.bound_items;
CREATE TABLE dbo.bound_items (id INT NOT NULL PRIMARY KEY, qty INT NOT NULL);
INSERT INTO dbo.bound_items VALUES (1, 2), (2, 5);
GO
CREATE OR ALTER VIEW dbo.bound_totals
WITH SCHEMABINDING, VIEW_METADATA
AS
SELECT COUNT_BIG(*) AS items, SUM(qty) AS qty FROM dbo.bound_items;
GO
SELECT items, qty FROM dbo.bound_totals;
PRINT (SELECT CONCAT(items, '/', qty) FROM dbo.bound_totals);
-- prints: 2/7
