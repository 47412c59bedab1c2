-- construct: a value longer than its VARCHAR(n) / NVARCHAR(n) / CHAR(n) column (error 2628)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/data-types/char-and-varchar-transact-sql
-- The engines keep any length; etlcheck checks each declared length as SQL Server does.
-- Blanks beyond the length do not count. A column declared VARCHAR holds one character. The
-- message names the table without its database, where SQL Server writes db.schema.table.
DROP TABLE IF EXISTS dbo.conf_codes;
CREATE TABLE dbo.conf_codes (id INT, code VARCHAR(5) NOT NULL, label NVARCHAR(8) NULL, flag VARCHAR NULL);
INSERT INTO dbo.conf_codes (id, code, label) VALUES (1, 'AB-12', N'short');
PRINT @@ROWCOUNT;
-- prints: 1
BEGIN TRY
    INSERT INTO dbo.conf_codes (id, code, label) VALUES (2, 'AB-123', NULL);
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), N' ', LEFT(ERROR_MESSAGE(), 49), N' ', SUBSTRING(ERROR_MESSAGE(), CHARINDEX(N'column', ERROR_MESSAGE()), 100));
END CATCH;
-- prints: 2628 String or binary data would be truncated in table column 'code'. Truncated value: 'AB-12'.
BEGIN TRY
    UPDATE dbo.conf_codes SET label = N'much longer label' WHERE id = 1;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 2628
BEGIN TRY
    INSERT INTO dbo.conf_codes (id, code, flag) VALUES (3, 'C', 'yes');
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 2628
INSERT INTO dbo.conf_codes (id, code, flag) VALUES (4, 'AB-12   ', 'Y');
PRINT (SELECT COUNT(*) FROM dbo.conf_codes);
-- prints: 2
DROP TABLE dbo.conf_codes;
