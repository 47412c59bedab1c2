-- construct: IDENT_CURRENT
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/ident-current-transact-sql
-- The last identity value generated for a table; the seed when the table never had a row,
-- NULL for a table without an identity column or no table at all.
DROP TABLE IF EXISTS dbo.conf_ident_log;
DROP TABLE IF EXISTS dbo.conf_ident_plain;
GO
CREATE TABLE dbo.conf_ident_log (LogId INT IDENTITY(10, 5) PRIMARY KEY, Label NVARCHAR(10) NOT NULL);
CREATE TABLE dbo.conf_ident_plain (Id INT NOT NULL);
PRINT CAST(IDENT_CURRENT('dbo.conf_ident_log') AS INT);
-- prints: 10
INSERT INTO dbo.conf_ident_log (Label) VALUES (N'a'), (N'b');
PRINT CAST(IDENT_CURRENT('dbo.conf_ident_log') AS INT);
-- prints: 15
DELETE FROM dbo.conf_ident_log;
PRINT CAST(IDENT_CURRENT('[dbo].[conf_ident_log]') AS INT);
-- prints: 15
PRINT ISNULL(CAST(IDENT_CURRENT('dbo.conf_ident_plain') AS VARCHAR(10)), 'null');
-- prints: null
PRINT ISNULL(CAST(IDENT_CURRENT('dbo.conf_ident_missing') AS VARCHAR(10)), 'null');
-- prints: null
DROP TABLE dbo.conf_ident_log;
DROP TABLE dbo.conf_ident_plain;
