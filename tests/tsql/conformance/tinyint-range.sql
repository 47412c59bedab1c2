-- construct: tinyint holds 0 to 255; a decimal converts to an integer type by truncation
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/data-types/int-bigint-smallint-and-tinyint-transact-sql
-- tinyint ranges from 0 to 255. Converting a decimal to an integer type truncates it (CAST
-- and CONVERT, "Truncating and rounding results": numeric to int truncates), whether by
-- CAST, by SET or by SELECT @v = .... A value outside the range fails with error 220,
-- "Arithmetic overflow error for data type %ls, value = %ld." (Database engine errors).
PRINT CAST(12.7 AS TINYINT);
-- prints: 12
PRINT CONVERT(TINYINT, 255.9);
-- prints: 255
DECLARE @whole INT;
SELECT @whole = 12.7;
PRINT @whole;
-- prints: 12
BEGIN TRY
    DECLARE @small TINYINT = 300;
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), ' ', ERROR_MESSAGE());
END CATCH;
-- prints: 220 Arithmetic overflow error for data type tinyint, value = 300.
DROP TABLE IF EXISTS dbo.tinyint_counts;
CREATE TABLE dbo.tinyint_counts (id INT PRIMARY KEY, tries TINYINT NOT NULL);
INSERT INTO dbo.tinyint_counts VALUES (1, 255);
BEGIN TRY
    INSERT INTO dbo.tinyint_counts VALUES (2, 256);
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), ' ', ERROR_MESSAGE());
END CATCH;
-- prints: 220 Arithmetic overflow error for data type tinyint, value = 256.
