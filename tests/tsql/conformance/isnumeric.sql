-- construct: ISNUMERIC
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/isnumeric-transact-sql
-- 1 when the expression converts to at least one numeric type (int, decimal, float,
-- money...), which is why signs, currency symbols, thousands commas and exponents count.
PRINT ISNUMERIC('12345');
-- prints: 1
PRINT ISNUMERIC('ABC12');
-- prints: 0
PRINT CONCAT(ISNUMERIC('-10'), ISNUMERIC('+5'), ISNUMERIC('12.50'), ISNUMERIC('.5'));
-- prints: 1111
-- Money reads a currency symbol and thousands commas; float an exponent (e or d).
PRINT CONCAT(ISNUMERIC('$1,000.25'), ISNUMERIC('1,000'), ISNUMERIC('1e5'), ISNUMERIC('0d1234'));
-- prints: 1111
-- A sign, a dollar sign, a point or a comma alone converts to money (zero).
PRINT CONCAT(ISNUMERIC('+'), ISNUMERIC('-'), ISNUMERIC('$'), ISNUMERIC('.'), ISNUMERIC(','));
-- prints: 11111
-- Blanks around a number are allowed; a tab alone reads as numeric too.
PRINT CONCAT(ISNUMERIC('  42  '), ISNUMERIC(CHAR(9)));
-- prints: 11
-- Not numbers: NULL, an empty string, two points, letters after digits, a date.
PRINT CONCAT(ISNUMERIC(NULL), ISNUMERIC(''), ISNUMERIC('1.2.3'), ISNUMERIC('12abc'),
    ISNUMERIC('2024-01-31'));
-- prints: 00000
-- Numbers themselves are numeric.
DECLARE @amount DECIMAL(10, 2) = 12.5;
PRINT CONCAT(ISNUMERIC(@amount), ISNUMERIC(7));
-- prints: 11
-- The usual cleansing filter.
DROP TABLE IF EXISTS dbo.isnumeric_codes;
CREATE TABLE dbo.isnumeric_codes (id INT, code VARCHAR(20));
INSERT INTO dbo.isnumeric_codes VALUES (1, '98052'), (2, 'K2H 3M5'), (3, NULL), (4, '1e3'),
    (5, '');
DECLARE @ids VARCHAR(50);
SELECT @ids = STRING_AGG(id, ',') WITHIN GROUP (ORDER BY id)
FROM dbo.isnumeric_codes WHERE ISNUMERIC(code) <> 1;
PRINT @ids;
-- prints: 2,3,5
DROP TABLE dbo.isnumeric_codes;
