-- construct: INSERT … SELECT … FROM (MERGE … OUTPUT …) (composable DML)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/insert-transact-sql
-- The classic type 2 dimension load: the MERGE closes the changed rows, and the INSERT
-- around it adds their new versions from the MERGE's OUTPUT rows (source columns).
-- @@ROWCOUNT is the INSERT's.
DROP TABLE IF EXISTS dbo.composable_dim;
DROP TABLE IF EXISTS dbo.composable_feed;
CREATE TABLE dbo.composable_dim (code INT, amount INT, is_current BIT);
CREATE TABLE dbo.composable_feed (code INT, amount INT);
INSERT INTO dbo.composable_dim VALUES (1, 10, 1), (2, 20, 1);
INSERT INTO dbo.composable_feed VALUES (1, 11), (2, 20);
INSERT INTO dbo.composable_dim (code, amount, is_current)
SELECT code, amount, 1
FROM (MERGE dbo.composable_dim AS tgt USING dbo.composable_feed AS src
      ON tgt.code = src.code AND tgt.is_current = 1
      WHEN MATCHED AND tgt.amount <> src.amount THEN UPDATE SET is_current = 0
      OUTPUT $action AS change, src.code, src.amount) AS changes
WHERE change = 'UPDATE';
PRINT @@ROWCOUNT;
-- prints: 1
PRINT (SELECT COUNT(*) FROM dbo.composable_dim WHERE is_current = 1);
-- prints: 2
PRINT (SELECT COUNT(*) FROM dbo.composable_dim);
-- prints: 3
DROP TABLE dbo.composable_feed;
DROP TABLE dbo.composable_dim;
