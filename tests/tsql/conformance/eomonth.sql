-- construct: EOMONTH
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/eomonth-transact-sql
DECLARE @date DATETIME = '12/1/2011';
PRINT CONVERT(VARCHAR(10), EOMONTH(@date), 120);
-- prints: 2011-12-31
DECLARE @text VARCHAR(255) = '12/1/2011';
PRINT CONVERT(VARCHAR(10), EOMONTH(@text), 120);
-- prints: 2011-12-31
-- With a month_to_add argument.
DECLARE @day DATETIME = GETDATE();
SET @day = '12/1/2011';
PRINT CONVERT(VARCHAR(10), EOMONTH(@day, 1), 120);
-- prints: 2012-01-31
PRINT CONVERT(VARCHAR(10), EOMONTH(@day, -1), 120);
-- prints: 2011-11-30
-- February of a leap year.
PRINT CONVERT(VARCHAR(10), EOMONTH('2024-02-10'), 120);
-- prints: 2024-02-29
