-- construct: datetime + / - a number of days (@d + 1, GETDATE() - 1)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/language-elements/add-transact-sql
DECLARE @d DATETIME = '2024-01-31T06:00:00';
PRINT CONVERT(VARCHAR(19), @d + 1, 120);
-- prints: 2024-02-01 06:00:00
PRINT CONVERT(VARCHAR(19), @d - 31, 120);
-- prints: 2023-12-31 06:00:00
PRINT CONVERT(VARCHAR(19), 2 + @d, 120);
-- prints: 2024-02-02 06:00:00
PRINT CONVERT(VARCHAR(19), @d + 0.5, 120);
-- prints: 2024-01-31 18:00:00
DECLARE @days INT = 7;
PRINT CONVERT(VARCHAR(19), @d - @days, 120);
-- prints: 2024-01-24 06:00:00
PRINT CASE WHEN GETDATE() - 1 < GETDATE() THEN 'earlier' ELSE 'not earlier' END;
-- prints: earlier
