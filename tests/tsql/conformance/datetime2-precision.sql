-- construct: datetime2(p) and time(p): rounded to p digits of a second, and shown with p digits
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/data-types/datetime2-transact-sql
-- A CAST or CONVERT to datetime2(p) rounds the fraction of a second to p digits.
PRINT CAST(CAST('2024-03-05T10:11:12.5' AS DATETIME2(0)) AS NVARCHAR(30));
-- prints: 2024-03-05 10:11:13
PRINT CAST(CAST('2024-03-05T10:11:12.1234567' AS DATETIME2(3)) AS NVARCHAR(30));
-- prints: 2024-03-05 10:11:12.123
PRINT CAST(CONVERT(DATETIME2(1), '2024-03-05T10:11:12.45') AS NVARCHAR(30));
-- prints: 2024-03-05 10:11:12.5
PRINT CONVERT(VARCHAR(30), CAST('2024-03-05T10:11:12.98765' AS DATETIME2(4)), 121);
-- prints: 2024-03-05 10:11:12.9877
-- Rounding carries into the next second, day and year.
PRINT CAST(CAST('2024-12-31T23:59:59.9' AS DATETIME2(0)) AS NVARCHAR(30));
-- prints: 2025-01-01 00:00:00
PRINT CAST(CAST('1969-12-31T23:59:59.5' AS DATETIME2(0)) AS NVARCHAR(30));
-- prints: 1970-01-01 00:00:00
-- The value is rounded, not only its text.
DECLARE @same VARCHAR(3);
SELECT @same = CASE
    WHEN CAST('2024-03-05T10:11:12.5' AS DATETIME2(0)) = '2024-03-05 10:11:13' THEN 'yes' ELSE 'no' END;
PRINT @same;
-- prints: yes
-- A variable of type datetime2(p) holds the rounded value.
DECLARE @loaded DATETIME2(2) = '2024-03-05T10:11:12.125';
PRINT CAST(@loaded AS NVARCHAR(30));
-- prints: 2024-03-05 10:11:12.13
SET @loaded = '2024-03-05T10:11:12.999';
PRINT CONVERT(VARCHAR(30), @loaded, 121);
-- prints: 2024-03-05 10:11:13.00
-- A datetime (3 digits) converted to datetime2(0).
PRINT CAST(CAST(CAST('2024-03-05T10:11:12.500' AS DATETIME) AS DATETIME2(0)) AS NVARCHAR(30));
-- prints: 2024-03-05 10:11:13
-- TRY_CAST of a string that is not a date is NULL whatever the precision.
PRINT ISNULL(CAST(TRY_CAST('not a date' AS DATETIME2(0)) AS NVARCHAR(30)), 'NULL');
-- prints: NULL
-- Without a precision datetime2 keeps seven digits.
PRINT CAST(CAST('2024-03-05T10:11:12.5' AS DATETIME2) AS NVARCHAR(30));
-- prints: 2024-03-05 10:11:12.5000000
-- time(p) rounds and shows its digits the same way.
PRINT CAST(CAST('10:11:12.5' AS TIME(0)) AS NVARCHAR(30));
-- prints: 10:11:13
PRINT CAST(CAST('10:11:12.1234567' AS TIME(3)) AS NVARCHAR(30));
-- prints: 10:11:12.123
DECLARE @at TIME(1) = '08:00:00.25';
PRINT CAST(@at AS NVARCHAR(30));
-- prints: 08:00:00.3
