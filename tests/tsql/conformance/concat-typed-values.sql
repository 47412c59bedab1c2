-- construct: CONCAT / CONCAT_WS of money and datetime values
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/concat-transact-sql
-- CONCAT converts each argument to text as CAST does: money with two decimals, a datetime
-- in style 0, a datetime2 in style 121 (a load's log line, or the text it hashes).
DECLARE @paid MONEY = 1464.3031, @at DATETIME = '2024-06-05 13:07',
    @stamped DATETIME2(3) = '2024-06-05 13:07:01.5';
PRINT CONCAT('paid ', @paid, ' at ', @at);
-- prints: paid 1464.30 at Jun  5 2024  1:07PM
PRINT CONCAT_WS('|', @paid, @stamped);
-- prints: 1464.30|2024-06-05 13:07:01.500
PRINT LEN(CONCAT('started ', GETDATE()));
-- prints: 27
