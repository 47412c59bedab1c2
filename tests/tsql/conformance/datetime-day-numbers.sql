-- construct: a datetime as days since 1900-01-01 (CAST(FLOOR(CAST(@d AS FLOAT)) AS DATETIME))
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/data-types/datetime-transact-sql
-- datetime counts days from its base date, 1900-01-01, and the time of day as a fraction
-- of one: converted to float, noon of the second day is 1.5, and a whole number of days
-- converts back to midnight of that day, the idiom that strips a time of day.
DECLARE @loaded DATETIME = '2024-03-05 13:45:00', @noon DATETIME = '1900-01-02 12:00';
PRINT CONVERT(VARCHAR(19), CAST(FLOOR(CAST(@loaded AS FLOAT)) AS DATETIME), 120);
-- prints: 2024-03-05 00:00:00
PRINT CAST(@noon AS FLOAT);
-- prints: 1.5
DECLARE @late SMALLDATETIME = '2024-03-05 23:59';
PRINT CONVERT(VARCHAR(19), CAST(CEILING(CAST(@late AS FLOAT)) AS DATETIME), 120);
-- prints: 2024-03-06 00:00:00
DECLARE @days INT = 45000;
PRINT CONVERT(VARCHAR(10), CAST(@days AS DATETIME), 120);
-- prints: 2023-03-17
