-- construct: PATINDEX
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/patindex-transact-sql
PRINT PATINDEX('%ter%', 'interesting data');
-- prints: 3
-- _ stands for any one character.
PRINT PATINDEX('%en_ure%', 'Please ensure the door is locked!');
-- prints: 8
-- [^...]: the first character that is not a letter, a digit or a blank.
PRINT PATINDEX('%[^ 0-9A-Za-z]%', 'Please ensure the door is locked!');
-- prints: 33
-- Matching ignores case, as under the default collation; 0 when nothing matches.
PRINT CONCAT(PATINDEX('%DOOR%', 'Please ensure the door is locked!'), ' ',
    PATINDEX('%window%', 'Please ensure the door is locked!'));
-- prints: 19 0
-- Without a leading %, the pattern must match from the first character.
PRINT CONCAT(PATINDEX('ab%', 'abcab'), ' ', PATINDEX('b%', 'abcab'), ' ', PATINDEX('%ab', 'abcab'));
-- prints: 1 0 4
PRINT ISNULL(CAST(PATINDEX('%a%', NULL) AS VARCHAR(10)), 'NULL');
-- prints: NULL
-- The cleansing idiom: strip everything up to the first digit, pattern in a variable.
DROP TABLE IF EXISTS dbo.patindex_codes;
CREATE TABLE dbo.patindex_codes (id INT, code NVARCHAR(20));
INSERT INTO dbo.patindex_codes VALUES (1, N'INV-00042'), (2, N'no digits'), (3, N'x7y');
DECLARE @digit NVARCHAR(10) = N'%[0-9]%';
DECLARE @list NVARCHAR(200);
SELECT @list = STRING_AGG(CONCAT(id, ':', PATINDEX(@digit, code), ':',
        CASE WHEN PATINDEX(@digit, code) > 0
             THEN SUBSTRING(code, PATINDEX(@digit, code), 20) ELSE N'-' END), ' ')
    WITHIN GROUP (ORDER BY id)
FROM dbo.patindex_codes;
PRINT @list;
-- prints: 1:5:00042 2:0:- 3:2:7y
DROP TABLE dbo.patindex_codes;
