-- construct: CONVERT style 121 / 126 of a column (datetime or datetime2)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/cast-and-convert-transact-sql
-- Style 121 shows three digits of a second for datetime and seven for datetime2; the
-- embedded engines keep both as one timestamp type, so a column's is not known.
-- compat on duckdb, postgres at 10:16: CONVERT
DROP TABLE IF EXISTS dbo.convert_moments;
CREATE TABLE dbo.convert_moments (at_time DATETIME);
INSERT INTO dbo.convert_moments VALUES ('2006-04-25T15:50:59.997');
DECLARE @text VARCHAR(30);
SELECT @text = CONVERT(VARCHAR(30), at_time, 121) FROM dbo.convert_moments;
PRINT @text;
-- prints: 2006-04-25 15:50:59.997
DROP TABLE dbo.convert_moments;
