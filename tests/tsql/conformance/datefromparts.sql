-- construct: DATEFROMPARTS
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/datefromparts-transact-sql
PRINT CONVERT(VARCHAR(10), DATEFROMPARTS(2010, 12, 31), 120);
-- prints: 2010-12-31
-- If any argument is NULL, the result is NULL.
PRINT ISNULL(CONVERT(VARCHAR(10), DATEFROMPARTS(2010, NULL, 31), 120), 'NULL');
-- prints: NULL
-- Arguments that do not make a date raise an error.
BEGIN TRY
    PRINT DATEFROMPARTS(2010, 2, 30);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 289
