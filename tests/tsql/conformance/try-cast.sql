-- construct: TRY_CAST
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/try-cast-transact-sql
DECLARE @result VARCHAR(30);
SELECT @result = CASE WHEN TRY_CAST('test' AS float) IS NULL
    THEN 'Cast failed' ELSE 'Cast succeeded' END;
PRINT @result;
-- prints: Cast failed
-- The string must be in the expected format: mdy, the default of a us_english login.
SET DATEFORMAT mdy;
PRINT CONVERT(VARCHAR(27), TRY_CAST('12/31/2010' AS datetime2), 121);
-- prints: 2010-12-31 00:00:00.0000000
-- A string that is not an integer does not convert to int (CAST would fail).
PRINT ISNULL(CAST(TRY_CAST('12.5' AS INT) AS VARCHAR(10)), 'NULL');
-- prints: NULL
PRINT ISNULL(CAST(TRY_CAST(' 12 ' AS INT) AS VARCHAR(10)), 'NULL');
-- prints: 12
PRINT ISNULL(CAST(TRY_CAST('99999999999' AS INT) AS VARCHAR(20)), 'NULL');
-- prints: NULL
