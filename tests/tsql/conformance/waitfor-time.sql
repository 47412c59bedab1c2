-- construct: WAITFOR TIME
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/language-elements/waitfor-transact-sql
-- Waiting until a time of day would stall a verification run: the embedded engines
-- refuse it before anything runs. (SQL Server waits about a second here.)
-- compat on duckdb, postgres at 8:9: WAITFOR TIME
DECLARE @at CHAR(8) = FORMAT(DATEADD(second, 1, GETDATE()), 'HH:mm:ss');
PRINT 'before';
WAITFOR TIME @at;
PRINT 'after';
-- prints: before
-- prints: after
