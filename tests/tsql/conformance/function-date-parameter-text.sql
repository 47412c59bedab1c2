-- construct: a function's date or datetime parameter given text ('20240201', '02/01/2024')
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/data-types/data-type-conversion-database-engine
DROP FUNCTION IF EXISTS dbo.ufn_conf_days_to;
DROP FUNCTION IF EXISTS dbo.ufn_conf_month_of;
DROP FUNCTION IF EXISTS dbo.ufn_conf_since;
DROP TABLE IF EXISTS dbo.conf_orders;
GO
CREATE TABLE dbo.conf_orders (id INT, ordered DATE);
INSERT INTO dbo.conf_orders VALUES (1, '2024-01-31'), (2, '2024-02-01'), (3, '2024-02-29');
GO
CREATE FUNCTION dbo.ufn_conf_days_to (@from DATE)
RETURNS INT
AS
BEGIN
    RETURN DATEDIFF(DAY, @from, CAST('2024-03-01' AS DATE));
END;
GO
CREATE FUNCTION dbo.ufn_conf_month_of (@at DATETIME)
RETURNS INT
AS
BEGIN
    RETURN MONTH(@at);
END;
GO
CREATE FUNCTION dbo.ufn_conf_since (@since DATE)
RETURNS TABLE
AS
RETURN (SELECT id FROM dbo.conf_orders WHERE ordered >= @since);
GO
PRINT dbo.ufn_conf_days_to('20240201');
-- prints: 29
PRINT dbo.ufn_conf_month_of('02/01/2024 10:30');
-- prints: 2
PRINT dbo.ufn_conf_days_to(CAST('2024-02-29' AS DATE));
-- prints: 1
DECLARE @list NVARCHAR(100);
SELECT @list = STRING_AGG(id, ',') WITHIN GROUP (ORDER BY id) FROM dbo.ufn_conf_since('20240201');
PRINT @list;
-- prints: 2,3
SELECT @list = STRING_AGG(CONCAT(id, ':', dbo.ufn_conf_days_to(ordered)), ',') WITHIN GROUP (ORDER BY id)
FROM dbo.conf_orders;
PRINT @list;
-- prints: 1:30,2:29,3:1
DROP FUNCTION dbo.ufn_conf_days_to;
DROP FUNCTION dbo.ufn_conf_month_of;
DROP FUNCTION dbo.ufn_conf_since;
DROP TABLE dbo.conf_orders;
