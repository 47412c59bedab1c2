-- construct: datetime + n and datetime - n add and take whole days
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/language-elements/add-transact-sql
-- "Can also add a number, in days, to a date" (datetime and smalldatetime): the time of
-- day stays, and a month's end rolls over as DATEADD(DAY, n, d) does.
DECLARE @loaded DATETIME = '2024-01-31 10:00', @back INT = 2;
PRINT CONVERT(VARCHAR(19), @loaded + 1, 120);
-- prints: 2024-02-01 10:00:00
PRINT CONVERT(VARCHAR(19), @loaded - @back, 120);
-- prints: 2024-01-29 10:00:00
PRINT CONVERT(VARCHAR(19), CAST(CAST('2024-01-31' AS DATE) AS DATETIME) + 1, 120);
-- prints: 2024-02-01 00:00:00
DECLARE @opened SMALLDATETIME = '2024-03-01';
PRINT CONVERT(VARCHAR(19), @opened - 1, 120);
-- prints: 2024-02-29 00:00:00
