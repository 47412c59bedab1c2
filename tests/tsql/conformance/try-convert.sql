-- construct: TRY_CONVERT
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/try-convert-transact-sql
DECLARE @result VARCHAR(30);
SELECT @result = CASE WHEN TRY_CONVERT(float, 'test') IS NULL
    THEN 'Cast failed' ELSE 'Cast succeeded' END;
PRINT @result;
-- prints: Cast failed
SET DATEFORMAT mdy;
PRINT CONVERT(VARCHAR(27), TRY_CONVERT(datetime2, '12/31/2010'), 121);
-- prints: 2010-12-31 00:00:00.0000000
-- With a style, the string is read in that form: 103 is dd/mm/yyyy.
PRINT CONVERT(VARCHAR(10), TRY_CONVERT(date, '31/12/2010', 103), 120);
-- prints: 2010-12-31
PRINT ISNULL(CONVERT(VARCHAR(10), TRY_CONVERT(date, '12/31/2010', 103), 120), 'NULL');
-- prints: NULL
