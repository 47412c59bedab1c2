-- construct: DATEPART (SET DATEFIRST 7)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/datepart-transact-sql
-- With the us_english default SET DATEFIRST 7, weeks start on Sunday: the documented
-- table gives week 16 and weekday 7 for Saturday 2007-04-21.
PRINT CONCAT(DATEPART(week, '2007-04-21'), ' ', DATEPART(weekday, '2007-04-21'));
-- prints: 16 7
DECLARE @d DATETIME = '2007-10-30 12:15:32.123';
PRINT CONCAT(DATEPART(year, @d), '-', DATEPART(month, @d), '-', DATEPART(day, @d), ' ',
    DATEPART(hour, @d), ':', DATEPART(minute, @d), ':', DATEPART(second, @d));
-- prints: 2007-10-30 12:15:32
PRINT CONCAT(DATEPART(quarter, @d), ' ', DATEPART(dayofyear, @d), ' ', DATEPART(dw, @d));
-- prints: 4 303 3
-- Week 1 holds January 1st; week 2 starts on the first Sunday after it.
PRINT CONCAT(DATEPART(wk, '2022-01-01'), ' ', DATEPART(wk, '2022-01-02'), ' ',
    DATEPART(wk, '2022-12-31'));
-- prints: 1 2 53
-- ISO weeks start on Monday, and week 1 holds the first Thursday: the documented first
-- week of 2004 runs from Monday 2003-12-29 to Sunday 2004-01-04.
PRINT CONCAT(DATEPART(iso_week, '2003-12-28'), ' ', DATEPART(iso_week, '2003-12-29'), ' ',
    DATEPART(isowk, '2004-01-04'), ' ', DATENAME(isoww, '2010-01-03'));
-- prints: 52 1 1 53
-- Weekends in a date dimension: Sunday is 1, Saturday 7.
DROP TABLE IF EXISTS dbo.datepart_days;
CREATE TABLE dbo.datepart_days (day_date DATE, is_weekend BIT);
INSERT INTO dbo.datepart_days (day_date) VALUES ('2024-06-07'), ('2024-06-08'), ('2024-06-09'),
    ('2024-06-10');
UPDATE dbo.datepart_days
SET is_weekend = CASE WHEN DATEPART(WEEKDAY, day_date) IN (1, 7) THEN 1 ELSE 0 END;
DECLARE @flags VARCHAR(20);
SELECT @flags = STRING_AGG(CAST(is_weekend AS INT), '') WITHIN GROUP (ORDER BY day_date)
FROM dbo.datepart_days;
PRINT @flags;
-- prints: 0110
DROP TABLE dbo.datepart_days;
