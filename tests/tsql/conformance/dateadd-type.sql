-- construct: DATEADD returns its date's type (PRINT shows it as SQL Server converts it)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/dateadd-transact-sql
-- "If the value for date is a string literal date, DATEADD returns a datetime value. If
-- another valid input data type is supplied for date, DATEADD returns the same data type."
DECLARE @month_end DATE = '2024-01-31';
PRINT DATEADD(MONTH, 1, @month_end);
-- prints: 2024-02-29
PRINT CONCAT('next day: ', DATEADD(DAY, 1, DATEFROMPARTS(2024, 2, 28)));
-- prints: next day: 2024-02-29
PRINT CONCAT('after the month end: ', DATEADD(DAY, 1, EOMONTH('2024-02-10')));  -- a date
-- prints: after the month end: 2024-03-01
DECLARE @yesterday DATE = DATEADD(DAY, -1, @month_end);
PRINT CAST(@yesterday AS VARCHAR(10)) + ' ' + CAST(DATEADD(YEAR, 1, @yesterday) AS VARCHAR(10));
-- prints: 2024-01-30 2025-01-30
-- A datetime stays a datetime, shown in style 0 when converted to text without a style.
DECLARE @loaded DATETIME = '2024-01-31 10:00';
PRINT DATEADD(HOUR, 2, @loaded);
-- prints: Jan 31 2024 12:00PM
PRINT @loaded;
-- prints: Jan 31 2024 10:00AM
PRINT DATEADD(DAY, 1, '2024-02-28');
-- prints: Feb 29 2024 12:00AM
