-- construct: conversion to bit (a nonzero number is 1, the strings TRUE and FALSE)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/data-types/bit-transact-sql
-- "The string values TRUE and FALSE can be converted to bit values: TRUE is converted to 1
-- and FALSE is converted to 0. Converting to bit promotes any nonzero value to 1." That
-- holds for CAST, CONVERT, a variable's value and SELECT @v = ... alike.
PRINT CAST(5 AS BIT);
-- prints: 1
PRINT CONVERT(BIT, -0.1);
-- prints: 1
PRINT CAST(0.0 AS BIT);
-- prints: 0
PRINT CAST('TRUE' AS BIT);
-- prints: 1
DECLARE @answer VARCHAR(5) = 'false';
PRINT CAST(@answer AS BIT);
-- prints: 0
DECLARE @flag BIT = 7;
PRINT @flag;
-- prints: 1
SELECT @flag = COUNT(*) FROM (VALUES (1), (2), (3)) AS v (n);
PRINT @flag;
-- prints: 1
