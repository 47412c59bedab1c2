-- construct: Invalid object name (error 208) from SQL text run by EXEC, caught by TRY...CATCH
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/errors-events/database-engine-events-and-errors-0-to-999
-- A name that resolves to nothing is error 208 when the statement runs. TRY...CATCH
-- catches it one level down (EXEC, sp_executesql, a procedure), not in its own batch.
DROP TABLE IF EXISTS dbo.conf_present;
CREATE TABLE dbo.conf_present (id INT);
BEGIN TRY
    EXEC (N'SELECT id FROM dbo.conf_missing');
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), N': ', ERROR_MESSAGE());
END CATCH
-- prints: 208: Invalid object name 'dbo.conf_missing'.
BEGIN TRY
    EXEC sp_executesql N'INSERT INTO conf_nowhere.conf_present (id) VALUES (1)';
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), N': ', ERROR_MESSAGE());
END CATCH
-- prints: 208: Invalid object name 'conf_nowhere.conf_present'.
DROP TABLE dbo.conf_present;
