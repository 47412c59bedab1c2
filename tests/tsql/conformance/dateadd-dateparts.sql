-- construct: DATEADD's datepart abbreviations (y, dy, w, dw, n, s...)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/dateadd-transact-sql
-- "Each datepart and its abbreviations return the same value." and "dayofyear, day, and
-- weekday return the same value.": y (dayofyear) and w (weekday) add days, not years or
-- weeks.
DECLARE @d DATE = '2024-01-31';
PRINT CONCAT(DATEADD(y, 1, @d), ' ', DATEADD(dy, 1, @d), ' ', DATEADD(dayofyear, 1, @d));
-- prints: 2024-02-01 2024-02-01 2024-02-01
PRINT CONCAT(DATEADD(w, 1, @d), ' ', DATEADD(dw, 1, @d), ' ', DATEADD(weekday, 1, @d));
-- prints: 2024-02-01 2024-02-01 2024-02-01
PRINT CONCAT(DATEADD(ww, 1, @d), ' ', DATEADD(q, 1, @d), ' ', DATEADD(m, 1, @d));
-- prints: 2024-02-07 2024-04-30 2024-02-29
DECLARE @t DATETIME = '2024-01-31 10:00';
PRINT CONVERT(VARCHAR(19), DATEADD(n, 5, @t), 120) + ' ' + CONVERT(VARCHAR(19), DATEADD(s, 5, @t), 120);
-- prints: 2024-01-31 10:05:00 2024-01-31 10:00:05
