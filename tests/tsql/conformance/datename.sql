-- construct: DATENAME
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/datename-transact-sql
-- The documented example's date (its time zone offset left out), us_english names.
DECLARE @d DATETIME2 = '2007-10-30 12:15:32.1234567';
PRINT DATENAME(year, @d) + ' ' + DATENAME(quarter, @d) + ' ' + DATENAME(month, @d);
-- prints: 2007 4 October
PRINT DATENAME(dayofyear, @d) + ' ' + DATENAME(day, @d) + ' ' + DATENAME(week, @d);
-- prints: 303 30 44
PRINT DATENAME(weekday, @d) + ' ' + DATENAME(hour, @d) + ':' + DATENAME(minute, @d) + ':'
    + DATENAME(second, @d);
-- prints: Tuesday 12:15:32
-- Every abbreviation means its datepart: y is the day of the year, w the weekday.
PRINT CONCAT(DATENAME(yy, @d), '|', DATENAME(mm, @d), '|', DATENAME(y, @d), '|',
    DATENAME(dw, @d), '|', DATENAME(w, @d), '|', DATENAME(qq, @d), '|', DATENAME(wk, @d));
-- prints: 2007|October|303|Tuesday|Tuesday|4|44
-- A date column, as a date dimension load uses it.
DROP TABLE IF EXISTS dbo.datename_days;
CREATE TABLE dbo.datename_days (day_date DATE);
INSERT INTO dbo.datename_days VALUES ('2024-02-29'), ('2024-12-29'), ('2025-01-05');
DECLARE @names NVARCHAR(200);
SELECT @names = STRING_AGG(DATENAME(dw, day_date) + ' ' + DATENAME(m, day_date), ', ')
    WITHIN GROUP (ORDER BY day_date)
FROM dbo.datename_days;
PRINT @names;
-- prints: Thursday February, Sunday December, Sunday January
-- A string is read as a date first.
PRINT DATENAME(month, '2024-03-15');
-- prints: March
PRINT ISNULL(DATENAME(month, CAST(NULL AS DATE)), 'NULL');
-- prints: NULL
-- A time has the default date 1900-01-01: 1900, January, 1, 1, Monday.
DECLARE @time TIME = '12:10:30.123';
PRINT CONCAT(DATENAME(year, @time), ', ', DATENAME(month, @time), ', ', DATENAME(day, @time),
    ', ', DATENAME(dayofyear, @time), ', ', DATENAME(weekday, @time), ' ', DATEPART(hour, @time));
-- prints: 1900, January, 1, 1, Monday 12
DROP TABLE dbo.datename_days;
