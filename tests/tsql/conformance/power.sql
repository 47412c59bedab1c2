-- construct: POWER of a value whose type the statement shows (the result has its type)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/power-transact-sql
-- The documentation's examples. Its result set shows floats (8, 15.625, 7.88860905221012E-31);
-- PRINT would show a float with six digits, so the script prints them as decimals.
DECLARE @input1 FLOAT;
DECLARE @input2 FLOAT;
SET @input1 = 2;
SET @input2 = 2.5;
PRINT CONCAT(CAST(POWER(@input1, 3) AS INT), N' ', CAST(POWER(@input2, 3) AS DECIMAL(10, 3)));
-- prints: 8 15.625
-- The first argument's type is the result's: a float underflows to 7.88860905221012E-31,
-- an int to 0, a decimal(2, 1) to 0.0 (decimal(38, 1)), a decimal(3, 2) to 0.00.
PRINT CAST(POWER(CAST(2.0 AS FLOAT), -100.0) * 1E31 AS DECIMAL(16, 14));
-- prints: 7.88860905221012
PRINT CONCAT(POWER(2, -100.0), N' ', POWER(CAST(2.0 AS INT), -100.0), N' ',
    POWER(2.0, -100.0), N' ', POWER(2.00, -100.0), N' ',
    POWER(CAST(2.0 AS DECIMAL(5, 2)), -100.0));
-- prints: 0 0 0.0 0.00 0.00
DECLARE @value INT, @counter INT;
SET @value = 2;
SET @counter = 1;
WHILE @counter < 5
BEGIN
    PRINT POWER(@value, @counter);
    SET @counter = @counter + 1;
END;
-- prints: 2
-- prints: 4
-- prints: 8
-- prints: 16
PRINT POWER(2.0, 3);
-- prints: 8.0
