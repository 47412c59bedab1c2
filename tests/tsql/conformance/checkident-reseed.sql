-- construct: DBCC CHECKIDENT
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/database-console-commands/dbcc-checkident-transact-sql
-- "Current identity value is set to the new_reseed_value. If no rows have been inserted
-- into the table since the table was created, or if all rows have been removed by using
-- the TRUNCATE TABLE statement, the first row inserted after you run DBCC CHECKIDENT uses
-- new_reseed_value as the identity. Otherwise, the next row inserted uses new_reseed_value
-- + the current increment value."
-- RESEED without a value moves the identity up to the column's highest value; NORESEED
-- only reports. A reseed prints the value it replaces.
DROP TABLE IF EXISTS dbo.reseeded;
CREATE TABLE dbo.reseeded (id INT IDENTITY(1, 1) NOT NULL PRIMARY KEY, code NVARCHAR(5));
DBCC CHECKIDENT (N'dbo.reseeded', NORESEED);
-- prints: Checking identity information: current identity value 'NULL', current column value 'NULL'.
-- prints: DBCC execution completed. If DBCC printed error messages, contact your system administrator.
DBCC CHECKIDENT (N'dbo.reseeded', RESEED, 10);
-- prints: Checking identity information: current identity value 'NULL'.
-- prints: DBCC execution completed. If DBCC printed error messages, contact your system administrator.
INSERT INTO dbo.reseeded (code) VALUES (N'a'), (N'b');
PRINT SCOPE_IDENTITY();
-- prints: 11
DELETE FROM dbo.reseeded;
DBCC CHECKIDENT (N'dbo.reseeded', RESEED, 0) WITH NO_INFOMSGS;
INSERT INTO dbo.reseeded (code) VALUES (N'c');
PRINT SCOPE_IDENTITY();
-- prints: 1
TRUNCATE TABLE dbo.reseeded;
DBCC CHECKIDENT (N'dbo.reseeded', RESEED, 100) WITH NO_INFOMSGS;
INSERT INTO dbo.reseeded (code) VALUES (N'd');
PRINT SCOPE_IDENTITY();
-- prints: 100
SET IDENTITY_INSERT dbo.reseeded ON;
INSERT INTO dbo.reseeded (id, code) VALUES (500, N'e');
SET IDENTITY_INSERT dbo.reseeded OFF;
DBCC CHECKIDENT (N'dbo.reseeded', RESEED, 5);
-- prints: Checking identity information: current identity value '500'.
-- prints: DBCC execution completed. If DBCC printed error messages, contact your system administrator.
DBCC CHECKIDENT (N'dbo.reseeded', RESEED);
-- prints: Checking identity information: current identity value '5', current column value '500'.
-- prints: DBCC execution completed. If DBCC printed error messages, contact your system administrator.
DBCC CHECKIDENT (N'dbo.reseeded', NORESEED);
-- prints: Checking identity information: current identity value '500', current column value '500'.
-- prints: DBCC execution completed. If DBCC printed error messages, contact your system administrator.
INSERT INTO dbo.reseeded (code) VALUES (N'f');
PRINT CONCAT(SCOPE_IDENTITY(), ' ', IDENT_CURRENT(N'dbo.reseeded'));
-- prints: 501 501
DROP TABLE dbo.reseeded;
