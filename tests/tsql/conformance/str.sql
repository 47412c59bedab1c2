-- construct: STR(float_expression [, length [, decimal]])
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/str-transact-sql
-- Right-justified in length characters (10 by default), rounded to decimal places (0 by
-- default); length asterisks when the part before the decimal point does not fit.
PRINT N'[' + STR(123.45, 6, 1) + N']';
-- prints: [ 123.5]
PRINT N'[' + STR(123.45, 2, 2) + N']';
-- prints: [**]
PRINT N'[' + STR(FLOOR(123.45), 8, 3) + N']';
-- prints: [ 123.000]
PRINT N'[' + STR(12, 10) + N']';
-- prints: [        12]
PRINT N'[' + STR(1223, 2) + N']';
-- prints: [**]
DECLARE @n INT = 7;
PRINT RIGHT('000' + LTRIM(STR(@n)), 3);
-- prints: 007
