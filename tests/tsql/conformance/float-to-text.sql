-- construct: float and real converted to text (CAST, CONVERT styles 0, 1 and 2, CONCAT, PRINT)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/cast-and-convert-transact-sql
-- "float and real styles": 0, CAST's, "a maximum of 6 digits", in scientific notation
-- when appropriate (C's %g, with a three-digit exponent); 1 "always 8 digits" and 2
-- "always 16 digits", always in scientific notation. A text type too short for the
-- number is an error, not a truncation ("Truncating and rounding results").
DECLARE @f FLOAT = 1234567.0, @ratio FLOAT = 2.0E0 / 3, @r REAL = 0.5;
PRINT CAST(@f AS VARCHAR(30));
-- prints: 1.23457e+006
PRINT CONVERT(VARCHAR(30), @f, 1);
-- prints: 1.2345670e+006
PRINT CONVERT(VARCHAR(30), @f, 2);
-- prints: 1.234567000000000e+006
PRINT 'ratio=' + CAST(@ratio AS VARCHAR(30));
-- prints: ratio=0.666667
PRINT CONCAT(1.5E0, '|', @r, '|', CAST(100000 AS FLOAT), '|', CONVERT(FLOAT, 0.00001));
-- prints: 1.5|0.5|100000|1e-005
PRINT @f;
-- prints: 1.23457e+006
DECLARE @text NVARCHAR(50) = @f * 10;
PRINT @text;
-- prints: 1.23457e+007
BEGIN TRY
    PRINT CAST(@f AS VARCHAR(5));
END TRY
BEGIN CATCH
    PRINT N'too short';
END CATCH;
-- prints: too short
