-- construct: CAST / CONVERT (numbers)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/cast-and-convert-transact-sql
-- numeric to int truncates; numeric to numeric rounds.
PRINT CONCAT(CAST(10.6496 AS INT), ' ', CAST(-10.6496 AS INT), ' ',
             CAST(10.6496 AS NUMERIC), ' ', CAST(-10.6496 AS NUMERIC));
-- prints: 10 -10 11 -11
PRINT CONVERT(INT, 10.6496);
-- prints: 10
-- Nonnumeric character data does not convert to int: error 245.
BEGIN TRY
    PRINT CAST('12.5' AS INT);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 245
BEGIN TRY
    PRINT CONVERT(INT, 'abc');
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 245
