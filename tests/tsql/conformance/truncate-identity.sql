-- construct: TRUNCATE TABLE resets IDENTITY to its seed
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/truncate-table-transact-sql
-- "If the table contains an identity column, the counter for that column is reset to the
-- seed value defined for the column." DELETE keeps the counter; a seed of 0 counts from 0.
DROP TABLE IF EXISTS dbo.truncate_dim;
CREATE TABLE dbo.truncate_dim (dim_key INT IDENTITY(0, 1) NOT NULL, code VARCHAR(10));
INSERT INTO dbo.truncate_dim (code) VALUES ('a'), ('b'), ('c');
DELETE FROM dbo.truncate_dim;
INSERT INTO dbo.truncate_dim (code) VALUES ('d');
PRINT SCOPE_IDENTITY();
-- prints: 3
TRUNCATE TABLE dbo.truncate_dim;
INSERT INTO dbo.truncate_dim (code) VALUES ('e'), ('f');
DECLARE @keys VARCHAR(20);
SELECT @keys = STRING_AGG(CONCAT(dim_key, code), ',') WITHIN GROUP (ORDER BY dim_key)
FROM dbo.truncate_dim;
PRINT @keys;
-- prints: 0e,1f
-- A temp table's too, with another seed and increment.
CREATE TABLE #truncate_staged (id INT IDENTITY(100, 10), code VARCHAR(10));
INSERT INTO #truncate_staged (code) VALUES ('x'), ('y');
TRUNCATE TABLE #truncate_staged;
INSERT INTO #truncate_staged (code) VALUES ('z');
SELECT @keys = CONCAT(id, code) FROM #truncate_staged;
PRINT @keys;
-- prints: 100z
DROP TABLE #truncate_staged;
DROP TABLE dbo.truncate_dim;
