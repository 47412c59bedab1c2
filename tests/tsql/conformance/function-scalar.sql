-- construct: CREATE FUNCTION, a scalar function whose body is one RETURN
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-function-transact-sql
DROP FUNCTION IF EXISTS dbo.ufn_conf_net;
DROP TABLE IF EXISTS dbo.conf_prices;
GO
CREATE TABLE dbo.conf_prices (id INT, gross DECIMAL(10, 2));
INSERT INTO dbo.conf_prices VALUES (1, 100.00), (2, 19.99);
GO
CREATE FUNCTION dbo.ufn_conf_net (@gross DECIMAL(10, 2), @rate INT)
RETURNS DECIMAL(10, 2)
AS
BEGIN
    RETURN @gross * (100 - @rate) / 100;
END;
GO
PRINT dbo.ufn_conf_net(50, 10);
-- prints: 45.00
DECLARE @list NVARCHAR(100);
SELECT @list = STRING_AGG(CONCAT(id, '=', dbo.ufn_conf_net(gross, 20)), ', ') WITHIN GROUP (ORDER BY id)
FROM dbo.conf_prices;
PRINT @list;
-- prints: 1=80.00, 2=15.99
IF OBJECT_ID(N'dbo.ufn_conf_net', N'FN') IS NOT NULL PRINT 'a scalar function';
-- prints: a scalar function
DROP FUNCTION dbo.ufn_conf_net;
DROP TABLE dbo.conf_prices;
