-- construct: SET / DECLARE of an integer variable from a string constant
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/data-types/data-type-conversion-database-engine
-- The documentation's example sets an int variable to '1': the string is converted
-- implicitly to the variable's type.
DECLARE @notastring INT;
SET @notastring = '1';
PRINT @notastring;
-- prints: 1
DECLARE @batch SMALLINT = ' 7 ', @total BIGINT;
SET @total = ('12');
PRINT CONCAT(@batch, '/', @total);
-- prints: 7/12
