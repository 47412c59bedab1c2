-- construct: INSERT … WITH (TABLOCK) and other hints on the target
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/insert-transact-sql
-- The documented bulk load into a heap with minimal logging, and a hint before the
-- column list; the hints choose locks and logging, and change no row.
DROP TABLE IF EXISTS dbo.hints_history;
DROP TABLE IF EXISTS #hints_staged;
CREATE TABLE dbo.hints_history (id INT, amount DECIMAL(10, 2));
CREATE TABLE #hints_staged (id INT, amount DECIMAL(10, 2));
INSERT INTO #hints_staged WITH (TABLOCK) VALUES (1, 10.50), (2, 20.25);
WITH staged AS (SELECT id, amount FROM #hints_staged)
INSERT INTO dbo.hints_history WITH (TABLOCK) (id, amount)
SELECT id, amount FROM staged;
PRINT @@ROWCOUNT;
-- prints: 2
INSERT dbo.hints_history WITH (XLOCK, HOLDLOCK) (id, amount) VALUES (3, 1.25);
DECLARE @total DECIMAL(10, 2);
SELECT @total = SUM(amount) FROM dbo.hints_history WITH (NOLOCK);
PRINT @total;
-- prints: 32.00
DROP TABLE #hints_staged;
DROP TABLE dbo.hints_history;
