-- construct: NULL into a NOT NULL column (error 515), told apart from a duplicate key (2627)
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/errors-events/database-engine-events-and-errors-0-to-999
-- Idempotent loads catch 2627 to skip duplicates: a NULL must not pass for one.
DROP TABLE IF EXISTS dbo.conf_people;
CREATE TABLE dbo.conf_people (id INT NOT NULL PRIMARY KEY, name NVARCHAR(20) NOT NULL);
INSERT INTO dbo.conf_people VALUES (1, N'Ann');
BEGIN TRY
    INSERT INTO dbo.conf_people VALUES (2, NULL);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 515
BEGIN TRY
    INSERT INTO dbo.conf_people VALUES (1, N'Bob');
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 2627
BEGIN TRY
    UPDATE dbo.conf_people SET name = NULL WHERE id = 1;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 515
PRINT (SELECT COUNT(*) FROM dbo.conf_people);
-- prints: 1
DROP TABLE dbo.conf_people;
