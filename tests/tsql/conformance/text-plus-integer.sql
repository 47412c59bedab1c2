-- construct: a string + an integer the statement shows: addition, the string converted to the integer's type
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/data-types/data-type-conversion-database-engine
-- "@notastring + ' is not a string.'" is error 245 (int has the higher precedence, so the
-- string is converted to int); a string that spells an integer is added
-- (https://learn.microsoft.com/en-us/sql/t-sql/data-types/data-type-precedence-transact-sql).
DECLARE @notastring INT;
SET @notastring = 1;
PRINT @notastring + '1';
-- prints: 2
BEGIN TRY
    PRINT @notastring + ' is not a string.';
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), ' ', ERROR_SEVERITY());
END CATCH
-- prints: 245 16
DECLARE @label VARCHAR(30) = 'batch ', @batch INT = 3;
BEGIN TRY
    SET @label = @label + @batch;
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), ' [', @label, ']');
END CATCH
-- prints: 245 [batch ]
DECLARE @digits VARCHAR(10) = '5', @big BIGINT = 10;
PRINT @digits + @big * 2;
-- prints: 25
PRINT '4' + 1 + CAST(2 AS SMALLINT);
-- prints: 7
PRINT @label + CAST(@batch AS VARCHAR(10));
-- prints: batch 3
