-- construct: Integer arithmetic that overflows int: error 8115
-- documented: https://learn.microsoft.com/en-us/archive/blogs/jpsql/sql-server-2147483647-2147483648
-- "select 2147483647+1" is Msg 8115, Level 16, "Arithmetic overflow error converting
-- expression to data type int."; 2147483648 + 1 is a numeric constant and adds; a bigint
-- CAST adds too. A decimal that overflows its precision is 8115 as well.
BEGIN TRY
    PRINT 2147483647 + 1;
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), ' ', ERROR_SEVERITY(), ' ', ERROR_MESSAGE());
END CATCH
-- prints: 8115 16 Arithmetic overflow error converting expression to data type int.
DECLARE @rows INT = 2147483647;
BEGIN TRY
    SET @rows = @rows + 1;
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), ' ', @rows);
END CATCH
-- prints: 8115 2147483647
PRINT 2147483648 + 1;
-- prints: 2147483649
PRINT CAST(2147483647 AS BIGINT) + 1;
-- prints: 2147483648
DECLARE @share DECIMAL(5, 2) = 999.99;
BEGIN TRY
    SET @share = @share * 10;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 8115
