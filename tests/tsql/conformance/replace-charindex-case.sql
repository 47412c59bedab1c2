-- construct: REPLACE and CHARINDEX ignore case (the default collation)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/replace-transact-sql
-- "REPLACE performs comparisons based on the collation of the input": under the default
-- case-insensitive collation a pattern matches whatever its case, as CHARINDEX's does.
PRINT REPLACE('Acme Inc. and acme INC', 'inc', 'Co');
-- prints: Acme Co. and acme Co
PRINT CONCAT(CHARINDEX(N'b', N'ABC'), ' ', CHARINDEX('B', 'abcb', 3));
-- prints: 2 4
-- Characters with a meaning in patterns are plain text here; an empty pattern changes nothing.
PRINT REPLACE(REPLACE('a.b*(c)', '.', '-'), '*(', '[') + REPLACE('x', '', 'y');
-- prints: a-b[c)x
DROP TABLE IF EXISTS dbo.replace_names;
CREATE TABLE dbo.replace_names (name VARCHAR(30));
INSERT INTO dbo.replace_names VALUES ('N/A'), ('n/a'), ('Widget');
UPDATE dbo.replace_names SET name = REPLACE(name, 'n/a', '');
PRINT (SELECT COUNT(*) FROM dbo.replace_names WHERE name = '');
-- prints: 2
DROP TABLE dbo.replace_names;
