-- construct: HASHBYTES compared with HASHBYTES (same algorithm, both CAST to one string type)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/hashbytes-transact-sql
-- Two hashes of one algorithm are equal when the bytes hashed are: over two CASTs to
-- NVARCHAR (or both to VARCHAR) that is string equality, case and blanks included.
DROP TABLE IF EXISTS dbo.hash_staged;
DROP TABLE IF EXISTS dbo.hash_current;
CREATE TABLE dbo.hash_staged (id INT, name NVARCHAR(20), city NVARCHAR(20));
CREATE TABLE dbo.hash_current (id INT, name NVARCHAR(20), city NVARCHAR(20));
INSERT INTO dbo.hash_staged VALUES (1, N'Ann', N'Oslo'), (2, N'Bob', N'Rome'), (3, N'Cy', N'Lima');
INSERT INTO dbo.hash_current VALUES (1, N'Ann', N'Oslo'), (2, N'BOB', N'Rome'), (3, N'Cy', N'Lima ');
DECLARE @changed NVARCHAR(20);
SELECT @changed = STRING_AGG(s.id, ',') WITHIN GROUP (ORDER BY s.id)
FROM dbo.hash_staged AS s JOIN dbo.hash_current AS c ON c.id = s.id
WHERE HASHBYTES('SHA2_256', CAST(CONCAT(s.name, N'|', s.city) AS NVARCHAR(100)))
   <> HASHBYTES('SHA2_256', CAST(CONCAT(c.name, N'|', c.city) AS NVARCHAR(100)));
PRINT @changed;
-- prints: 2,3
DROP TABLE dbo.hash_staged;
DROP TABLE dbo.hash_current;
