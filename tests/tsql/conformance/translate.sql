-- construct: TRANSLATE with literal characters of one length
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/translate-transact-sql
-- compat on duckdb, postgres at 9:7: TRANSLATE
PRINT TRANSLATE(N'2*[3+4]/{7-2}', N'[]{}', N'()()');
-- prints: 2*(3+4)/(7-2)
DECLARE @phone NVARCHAR(20) = N'(555) 123-4567';
PRINT TRANSLATE(@phone, N'()-', N'   ');
-- prints:  555  123 4567
PRINT TRANSLATE(N'abc', N'ab', N'x');
