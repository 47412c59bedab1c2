-- construct: DELETE TOP (n) alias FROM table AS alias, and TOP (@n) in a purge loop
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/delete-transact-sql
DROP TABLE IF EXISTS dbo.events;
CREATE TABLE dbo.events (id INT NOT NULL, archived BIT NOT NULL, note VARCHAR(10) NULL);
INSERT INTO dbo.events (id, archived)
SELECT n, CASE WHEN n % 2 = 0 THEN 1 ELSE 0 END
FROM (VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11)) AS v(n);
DECLARE @batch INT = 2, @deleted INT = 0, @rounds INT = 0;
WHILE 1 = 1
BEGIN
    DELETE TOP (@batch) FROM dbo.events WHERE archived = 1;
    IF @@ROWCOUNT = 0 BREAK;
    SET @rounds += 1;
END
PRINT @rounds;
-- prints: 3
DECLARE @left INT = (SELECT COUNT(*) FROM dbo.events);
PRINT @left;
-- prints: 6
UPDATE TOP (4) dbo.events SET note = 'checked' WHERE note IS NULL;
PRINT @@ROWCOUNT;
-- prints: 4
DELETE TOP (10) e FROM dbo.events AS e WHERE e.note IS NULL;
PRINT @@ROWCOUNT;
-- prints: 2
