-- construct: DECLARE @t TABLE: batch-scoped, not undone by ROLLBACK
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/language-elements/rollback-transaction-transact-sql
DECLARE @log TABLE (id INT PRIMARY KEY, step NVARCHAR(20));
INSERT INTO @log VALUES (1, N'start');
BEGIN TRANSACTION;
INSERT INTO @log VALUES (2, N'in transaction');
UPDATE @log SET step = N'started' WHERE id = 1;
ROLLBACK TRANSACTION;
-- ROLLBACK does not erase changes made to table variables.
DECLARE @steps NVARCHAR(100);
SELECT @steps = STRING_AGG(CONCAT(id, ' ', step), ', ') WITHIN GROUP (ORDER BY id) FROM @log;
PRINT @steps;
-- prints: 1 started, 2 in transaction
-- Its PRIMARY KEY holds: a repeated key is error 2627.
BEGIN TRY
    INSERT INTO @log VALUES (2, N'again');
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 2627
DELETE FROM @log WHERE id = 1;
PRINT (SELECT COUNT(*) FROM @log);
-- prints: 1
GO
-- The variable belongs to its batch: the next batch must declare its own.
DECLARE @log TABLE (id INT);
PRINT (SELECT COUNT(*) FROM @log);
-- prints: 0
