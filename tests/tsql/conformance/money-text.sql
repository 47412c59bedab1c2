-- construct: money and smallmoney to text: CAST, CONVERT styles 0, 1, 2 and 126
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/cast-and-convert-transact-sql#money-and-smallmoney-styles
DECLARE @amount MONEY = 4235.9819;
DECLARE @fee SMALLMONEY = 12.5;
PRINT CAST(@amount AS VARCHAR(20));
-- prints: 4235.98
PRINT CONVERT(VARCHAR(20), @amount);
-- prints: 4235.98
PRINT CONVERT(VARCHAR(20), @amount, 0);
-- prints: 4235.98
PRINT CONVERT(VARCHAR(20), CAST(3510.92 AS MONEY), 1);
-- prints: 3,510.92
PRINT CONVERT(VARCHAR(20), @amount, 2);
-- prints: 4235.9819
PRINT CONVERT(VARCHAR(20), @amount, 126);
-- prints: 4235.9819
PRINT CAST(@fee AS NVARCHAR(10));
-- prints: 12.50
