-- construct: bit converted to text (CAST, CONVERT, CONCAT, PRINT): 1 and 0
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/data-types/bit-transact-sql
DROP TABLE IF EXISTS dbo.flags;
CREATE TABLE dbo.flags (id INT NOT NULL, active BIT NOT NULL, deleted BIT NULL);
INSERT INTO dbo.flags VALUES (1, 1, NULL), (2, 0, 1);
DECLARE @t NVARCHAR(50);
SELECT @t = CONCAT(id, '|', active, '|', deleted) FROM dbo.flags WHERE id = 1;
PRINT @t;
-- prints: 1|1|
SELECT @t = CAST(active AS VARCHAR(5)) + '/' + CONVERT(NVARCHAR(5), deleted) FROM dbo.flags WHERE id = 2;
PRINT @t;
-- prints: 0/1
DECLARE @b BIT = 1;
PRINT CONCAT(@b, '|', CAST(@b AS VARCHAR(5)), '|', CONCAT_WS(',', @b, 0));
-- prints: 1|1|1,0
PRINT @b;
-- prints: 1
SELECT @t = STRING_AGG(CAST(active AS VARCHAR(1)), ',') WITHIN GROUP (ORDER BY id) FROM dbo.flags;
PRINT @t;
-- prints: 1,0
