-- A procedure whose second result set fails: the first was already returned.
CREATE TABLE dbo.ie_stock (sku NVARCHAR(10), qty INT);
INSERT INTO dbo.ie_stock VALUES (N'A', 5), (N'B', 0);
GO
CREATE PROCEDURE dbo.usp_ie_then_fail
AS
BEGIN
    SELECT sku, qty FROM dbo.ie_stock;
    SELECT N'X', 1 / 0;
END
GO
CREATE PROCEDURE dbo.usp_ie_rollback
AS
BEGIN
    BEGIN TRAN;
    SELECT sku, qty FROM dbo.ie_stock;
    ROLLBACK;
END
GO
CREATE PROCEDURE dbo.usp_ie_cte
AS
WITH stocked AS (SELECT sku, qty FROM dbo.ie_stock WHERE qty > 0)
SELECT sku, qty FROM stocked;
GO
CREATE TABLE #got (sku NVARCHAR(10), qty INT);
