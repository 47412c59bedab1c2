-- construct: SET IDENTITY_INSERT … ON with values past the identity's last one
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/set-identity-insert-transact-sql
-- "If the value inserted is larger than the current identity value for the table, SQL
-- Server automatically uses the new inserted value as the current identity value."
-- A value below it (an unknown member, -1) leaves the identity where it was.
DROP TABLE IF EXISTS dbo.moved_keys;
CREATE TABLE dbo.moved_keys (id INT IDENTITY(10, 5) NOT NULL PRIMARY KEY, code NVARCHAR(5));
INSERT INTO dbo.moved_keys (code) VALUES (N'a');
SET IDENTITY_INSERT dbo.moved_keys ON;
INSERT INTO dbo.moved_keys (id, code) VALUES (-1, N'?');
SET IDENTITY_INSERT dbo.moved_keys OFF;
INSERT INTO dbo.moved_keys (code) VALUES (N'b');
PRINT SCOPE_IDENTITY();
-- prints: 15
SET IDENTITY_INSERT dbo.moved_keys ON;
INSERT INTO dbo.moved_keys (id, code) VALUES (100, N'x'), (60, N'y');
SET IDENTITY_INSERT dbo.moved_keys OFF;
PRINT IDENT_CURRENT(N'dbo.moved_keys');
-- prints: 100
INSERT INTO dbo.moved_keys (code) VALUES (N'c');
PRINT CONCAT(SCOPE_IDENTITY(), ' ', IDENT_CURRENT(N'dbo.moved_keys'));
-- prints: 105 105
DROP TABLE dbo.moved_keys;
