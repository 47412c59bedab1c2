-- construct: FORMAT (exact patterns)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/format-transact-sql
DECLARE @d DATE = '8/9/2024';
PRINT FORMAT(@d, 'd', 'en-US');
-- prints: 8/9/2024
PRINT FORMAT(@d, 'D', 'en-US');
-- prints: Friday, August 9, 2024
PRINT FORMAT(@d, 'dd/MM/yyyy', 'en-US');
-- prints: 09/08/2024
-- money values with the Number format: two decimals, rounded.
DECLARE @rate MONEY = 1.9419;
PRINT FORMAT(@rate, 'N', 'en-us');
-- prints: 1.94
SET @rate = 8.2784;
PRINT FORMAT(@rate, 'N', 'en-us');
-- prints: 8.28
PRINT FORMAT(CAST('2018-01-01 01:00' AS DATETIME2), N'hh:mm tt');
-- prints: 01:00 AM
PRINT FORMAT(CAST('2018-01-01 01:00' AS DATETIME2), N'hh:mm t');
-- prints: 01:00 A
PRINT FORMAT(CAST('2018-01-01 14:00' AS DATETIME2), N'hh:mm tt');
-- prints: 02:00 PM
PRINT FORMAT(CAST('2018-01-01 14:00' AS DATETIME2), N'HH:mm');
-- prints: 14:00
-- Custom numeric patterns; N with a precision; D pads integers with zeros.
PRINT FORMAT(1234567.125, '#,##0.00');
-- prints: 1,234,567.13
PRINT FORMAT(-1234.5, 'N2');
-- prints: -1,234.50
PRINT FORMAT(42, 'D5');
-- prints: 00042
PRINT FORMAT(3.14159, '0.000');
-- prints: 3.142
PRINT ISNULL(FORMAT(CAST(NULL AS DECIMAL(10, 2)), 'N2'), 'NULL');
-- prints: NULL
