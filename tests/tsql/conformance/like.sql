-- construct: LIKE with [character classes] and ESCAPE
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/language-elements/like-transact-sql
DROP TABLE IF EXISTS dbo.like_codes;
CREATE TABLE dbo.like_codes (id INT, code NVARCHAR(20));
INSERT INTO dbo.like_codes VALUES (1, N'Carsen'), (2, N'Karsen'), (3, N'Larsen'),
    (4, N'Carson'), (5, N'30% off'), (6, N'30 off'), (7, N'A1.5'), (8, N'ab');
DECLARE @ids NVARCHAR(100);
-- [CK]ars[eo]n: Carsen, Karsen, Carson.
SELECT @ids = STRING_AGG(id, ',') WITHIN GROUP (ORDER BY id)
FROM dbo.like_codes WHERE code LIKE '[CK]ars[eo]n';
PRINT @ids;
-- prints: 1,2,4
-- [^C]: any single character not C; matching ignores case by default.
SELECT @ids = STRING_AGG(id, ',') WITHIN GROUP (ORDER BY id)
FROM dbo.like_codes WHERE code LIKE '[^c]arsen';
PRINT @ids;
-- prints: 2,3
-- [a-z] ranges and a class with a dot in it.
SELECT @ids = STRING_AGG(id, ',') WITHIN GROUP (ORDER BY id)
FROM dbo.like_codes WHERE code LIKE '[a-z][0-9.][^0-9.]%';
PRINT ISNULL(@ids, 'none');
-- prints: none
SELECT @ids = STRING_AGG(id, ',') WITHIN GROUP (ORDER BY id)
FROM dbo.like_codes WHERE code LIKE '[a-z][0-9][0-9.]%';
PRINT @ids;
-- prints: 7
-- ESCAPE makes the wildcard after it a literal character.
SELECT @ids = STRING_AGG(id, ',') WITHIN GROUP (ORDER BY id)
FROM dbo.like_codes WHERE code LIKE '%30!%%' ESCAPE '!';
PRINT @ids;
-- prints: 5
-- A wildcard inside brackets is a literal character too.
SELECT @ids = STRING_AGG(id, ',') WITHIN GROUP (ORDER BY id)
FROM dbo.like_codes WHERE code LIKE '%[%]%';
PRINT @ids;
-- prints: 5
-- A pattern held in a variable means the same.
DECLARE @pattern NVARCHAR(20) = N'[CK]ars[eo]n';
SELECT @ids = STRING_AGG(id, ',') WITHIN GROUP (ORDER BY id)
FROM dbo.like_codes WHERE code NOT LIKE @pattern;
PRINT @ids;
-- prints: 3,5,6,7,8
DROP TABLE dbo.like_codes;
