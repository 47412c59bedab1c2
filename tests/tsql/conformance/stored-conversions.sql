-- construct: text stored into typed columns (implicit conversion)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/data-types/data-type-conversion-database-engine
-- Staged text loads into typed columns without a CAST: INSERT ... SELECT, UPDATE ... SET
-- and a variable convert it as SQL Server converts nvarchar and varchar implicitly.
DROP TABLE IF EXISTS dbo.conv_staged;
DROP TABLE IF EXISTS dbo.conv_typed;
CREATE TABLE dbo.conv_staged (quantity NVARCHAR(10), price VARCHAR(12), rate NVARCHAR(12),
    flag VARCHAR(1), day NVARCHAR(10), moment NVARCHAR(30), id VARCHAR(36));
INSERT INTO dbo.conv_staged VALUES (N' 42', '12.505', N'1.5E2', '1', N'2024-02-29',
    N'2024-02-29 23:59:58', '6F9619FF-8B86-D011-B42D-00C04FC964FF');
CREATE TABLE dbo.conv_typed (quantity INT, price DECIMAL(9, 2), rate FLOAT, flag BIT,
    day DATE, moment DATETIME2(0), id UNIQUEIDENTIFIER, small SMALLINT, big BIGINT);
INSERT INTO dbo.conv_typed (quantity, price, rate, flag, day, moment, id, small, big)
SELECT quantity, price, rate, flag, day, moment, id, quantity, quantity FROM dbo.conv_staged;
PRINT (SELECT CONCAT(quantity + 1, ' ', price, ' ', CAST(rate AS INT), ' ', flag, ' ',
    CONVERT(VARCHAR(10), day, 112), ' ', CONVERT(VARCHAR(19), moment, 120), ' ',
    small * big) FROM dbo.conv_typed);
-- prints: 43 12.51 150 1 20240229 2024-02-29 23:59:58 1764
PRINT (SELECT COUNT(*) FROM dbo.conv_typed WHERE id = CAST('6F9619FF-8B86-D011-B42D-00C04FC964FF' AS UNIQUEIDENTIFIER));
-- prints: 1
UPDATE dbo.conv_typed SET quantity = (SELECT price FROM dbo.conv_staged WHERE flag = '1') WHERE 1 = 0;
UPDATE t SET t.day = s.day, t.small = s.flag
FROM dbo.conv_typed AS t CROSS JOIN dbo.conv_staged AS s;
PRINT (SELECT CONCAT(CONVERT(VARCHAR(10), DATEADD(day, 1, day), 120), ' ', small) FROM dbo.conv_typed);
-- prints: 2024-03-01 1
DECLARE @quantity INT, @day DATE;
SELECT @quantity = quantity, @day = day FROM dbo.conv_staged;
PRINT CONCAT(@quantity * 2, ' ', DATEADD(day, 1, @day));
-- prints: 84 2024-03-01
DROP TABLE dbo.conv_typed;
DROP TABLE dbo.conv_staged;
