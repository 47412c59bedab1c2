-- construct: HASHBYTES and DATALENGTH of CONCAT of VARCHAR values and NULLs (the row-hash idiom without N'')
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/concat-transact-sql
-- CONCAT reads NULL as an empty string, and its result is varchar "in all other cases"
-- (no nvarchar argument): the bytes hashed are the characters in code page 1252, so
-- CONCAT('a', 'b', 'c') hashes as 'abc' does (the test vectors of hashbytes-value).
DECLARE @id VARCHAR(10) = 'a', @city VARCHAR(20);
PRINT CONVERT(VARCHAR(66), HASHBYTES('SHA2_256', CONCAT(@id, 'b', @city, 'c')), 1);
-- prints: 0xBA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD
PRINT CONVERT(VARCHAR(34), HASHBYTES('MD5', CONCAT('ab', NULL, 'c')), 2);
-- prints: 900150983CD24FB0D6963F7D28E17F72
PRINT DATALENGTH(CONCAT(@id, '|', @city, '|', 'xyz'));
-- prints: 6
