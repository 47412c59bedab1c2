-- construct: DELETE TOP (n) / UPDATE TOP (n), as batched purges write them
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/queries/top-transact-sql
-- The rows TOP picks are in no order, so the script prints only what does not depend on
-- which ones: how many each statement changed, and what is left at the end.
DROP TABLE IF EXISTS dbo.conf_purge;
CREATE TABLE dbo.conf_purge (id INT, done INT);
INSERT INTO dbo.conf_purge VALUES (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 1), (7, 1);
UPDATE TOP (2) dbo.conf_purge SET done = 1 WHERE done = 0;
PRINT @@ROWCOUNT;
-- prints: 2
PRINT (SELECT COUNT(*) FROM dbo.conf_purge WHERE done = 1);
-- prints: 4
DECLARE @batch INT = 3, @n INT = 1, @rounds INT = 0;
WHILE @n > 0
BEGIN
    DELETE TOP (@batch) FROM dbo.conf_purge WHERE done = 1;
    SET @n = @@ROWCOUNT;
    SET @rounds += 1;
END
PRINT @rounds;
-- prints: 3
DELETE TOP (1) dbo.conf_purge;
PRINT CONCAT(@@ROWCOUNT, N' ', (SELECT COUNT(*) FROM dbo.conf_purge));
-- prints: 1 2
DROP TABLE dbo.conf_purge;
