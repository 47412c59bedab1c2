-- construct: CREATE SEQUENCE / NEXT VALUE FOR
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-sequence-transact-sql
DROP TABLE IF EXISTS dbo.sequence_orders;
DROP SEQUENCE IF EXISTS dbo.CountBy1;
DROP SEQUENCE IF EXISTS dbo.DefaultStart;
DROP SEQUENCE IF EXISTS dbo.Cycling;
CREATE SEQUENCE dbo.CountBy1 START WITH 1 INCREMENT BY 1;
DECLARE @next BIGINT;
SELECT @next = NEXT VALUE FOR dbo.CountBy1;
PRINT @next;
-- prints: 1
SET @next = NEXT VALUE FOR dbo.CountBy1;
PRINT @next;
-- prints: 2
-- Each row of a statement gets the next value.
CREATE TABLE dbo.sequence_orders (id INT, item NVARCHAR(20));
INSERT INTO dbo.sequence_orders (id, item)
SELECT NEXT VALUE FOR dbo.CountBy1, item FROM (VALUES (N'a'), (N'b'), (N'c')) AS v(item);
DECLARE @ids NVARCHAR(50);
SELECT @ids = STRING_AGG(id, ',') WITHIN GROUP (ORDER BY id) FROM dbo.sequence_orders;
PRINT @ids;
-- prints: 3,4,5
-- Without START WITH, an ascending sequence starts at the minimum of its type.
CREATE SEQUENCE dbo.DefaultStart AS INT;
SET @next = NEXT VALUE FOR dbo.DefaultStart;
PRINT @next;
-- prints: -2147483648
-- CYCLE restarts at the minimum value after the maximum.
CREATE SEQUENCE dbo.Cycling AS TINYINT START WITH 254 INCREMENT BY 1 MINVALUE 250 MAXVALUE 255 CYCLE;
DECLARE @a INT, @b INT, @c INT;
SET @a = NEXT VALUE FOR dbo.Cycling;
SET @b = NEXT VALUE FOR dbo.Cycling;
SET @c = NEXT VALUE FOR dbo.Cycling;
PRINT CONCAT(@a, ',', @b, ',', @c);
-- prints: 254,255,250
-- The catalog lists the sequence.
PRINT IIF(OBJECT_ID('dbo.CountBy1', 'SO') IS NOT NULL, 'listed', 'missing');
-- prints: listed
DROP TABLE dbo.sequence_orders;
DROP SEQUENCE dbo.CountBy1;
DROP SEQUENCE dbo.DefaultStart;
DROP SEQUENCE dbo.Cycling;
