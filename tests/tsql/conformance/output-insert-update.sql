-- construct: OUTPUT inserted / deleted (INSERT, UPDATE)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/queries/output-clause-transact-sql
-- inserted.x is the value after the statement (IDENTITY included), deleted.x the value
-- before it; both go INTO a table with a column list.
DROP TABLE IF EXISTS dbo.output_reasons;
DROP TABLE IF EXISTS dbo.output_audit;
CREATE TABLE dbo.output_reasons (id INT IDENTITY(1, 1) PRIMARY KEY, name NVARCHAR(50), hours INT);
CREATE TABLE dbo.output_audit (id INT, name NVARCHAR(50), old_hours INT, new_hours INT);
INSERT INTO dbo.output_reasons (name, hours)
OUTPUT inserted.id, inserted.name, inserted.hours INTO dbo.output_audit (id, name, new_hours)
VALUES (N'Operator error', 10), (N'Machine error', 20);
PRINT @@ROWCOUNT;
-- prints: 2
UPDATE dbo.output_reasons
SET hours = hours * 1.25
OUTPUT inserted.id, deleted.hours, inserted.hours
INTO dbo.output_audit (id, old_hours, new_hours)
WHERE name = N'Machine error';
PRINT @@ROWCOUNT;
-- prints: 1
DECLARE @audit NVARCHAR(400);
SELECT @audit = STRING_AGG(
    CONCAT(id, N' ', ISNULL(name, N'-'), N' ', ISNULL(old_hours, -1), N'->', new_hours), N'; ')
    WITHIN GROUP (ORDER BY id, new_hours)
FROM dbo.output_audit;
PRINT @audit;
-- prints: 1 Operator error -1->10; 2 Machine error -1->20; 2 - 20->25
DROP TABLE dbo.output_reasons;
DROP TABLE dbo.output_audit;
