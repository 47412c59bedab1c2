-- construct: OUTPUT $action, the source's columns, inserted, deleted (MERGE)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/queries/output-clause-transact-sql
-- OUTPUT may name the columns of the MERGE's source (from_table_name): each row carries
-- the source row that matched it or that it was inserted from; a WHEN NOT MATCHED BY
-- SOURCE row has none, its source columns are NULL. A type 2 dimension load: the changed
-- rows are closed, their source rows kept for the new versions, new keys mapped.
DROP TABLE IF EXISTS dbo.merge_dim;
DROP TABLE IF EXISTS dbo.merge_feed;
DROP TABLE IF EXISTS dbo.merge_changes;
CREATE TABLE dbo.merge_dim (dim_key INT IDENTITY(1, 1) PRIMARY KEY, code INT, name NVARCHAR(20), is_current BIT);
CREATE TABLE dbo.merge_feed (code INT, name NVARCHAR(20));
CREATE TABLE dbo.merge_changes (act NVARCHAR(10), code INT, name NVARCHAR(20), dim_key INT, old_name NVARCHAR(20));
INSERT INTO dbo.merge_dim (code, name, is_current) VALUES (1, N'Ann', 1), (2, N'Bob', 1), (3, N'Cy', 1);
INSERT INTO dbo.merge_feed VALUES (1, N'Anna'), (2, N'Bob'), (4, N'Dee');
MERGE dbo.merge_dim AS t USING dbo.merge_feed AS s ON t.code = s.code AND t.is_current = 1
WHEN MATCHED AND t.name <> s.name THEN UPDATE SET t.is_current = 0
WHEN NOT MATCHED BY TARGET THEN INSERT (code, name, is_current) VALUES (s.code, s.name, 1)
WHEN NOT MATCHED BY SOURCE AND t.is_current = 1 THEN DELETE
OUTPUT $action, s.code, s.name, COALESCE(inserted.dim_key, deleted.dim_key), deleted.name INTO dbo.merge_changes;
PRINT @@ROWCOUNT;
-- prints: 3
DECLARE @log NVARCHAR(200);
SELECT @log = STRING_AGG(CONCAT(act, N' ', ISNULL(code, -1), N' ', ISNULL(name, N'-'), N' ', dim_key, N' ', ISNULL(old_name, N'-')), N', ')
    WITHIN GROUP (ORDER BY dim_key)
FROM dbo.merge_changes;
PRINT @log;
-- prints: UPDATE 1 Anna 1 Ann, DELETE -1 - 3 Cy, INSERT 4 Dee 4 -
INSERT INTO dbo.merge_dim (code, name, is_current)
SELECT code, name, 1 FROM dbo.merge_changes WHERE act = N'UPDATE';
SELECT @log = STRING_AGG(CONCAT(dim_key, N' ', code, N' ', name, N' ', is_current), N', ')
    WITHIN GROUP (ORDER BY dim_key)
FROM dbo.merge_dim;
PRINT @log;
-- prints: 1 1 Ann 0, 2 2 Bob 1, 4 4 Dee 1, 5 1 Anna 1
DROP TABLE dbo.merge_dim;
DROP TABLE dbo.merge_feed;
DROP TABLE dbo.merge_changes;
