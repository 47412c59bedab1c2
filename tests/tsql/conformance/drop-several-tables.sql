-- construct: DROP TABLE a, b
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/drop-table-transact-sql
-- One DROP TABLE may name several tables; each is dropped, and OBJECT_ID finds none.
DROP TABLE IF EXISTS dbo.drop_several_a, dbo.drop_several_b, dbo.drop_several_c;
CREATE TABLE dbo.drop_several_a (id INT);
CREATE TABLE dbo.drop_several_b (id INT);
CREATE TABLE dbo.drop_several_c (id INT);
DROP TABLE dbo.drop_several_a, dbo.drop_several_b;
PRINT CASE WHEN OBJECT_ID('dbo.drop_several_a') IS NULL THEN 'a gone' ELSE 'a kept' END;
-- prints: a gone
PRINT CASE WHEN OBJECT_ID('dbo.drop_several_b') IS NULL THEN 'b gone' ELSE 'b kept' END;
-- prints: b gone
PRINT CASE WHEN OBJECT_ID('dbo.drop_several_c') IS NULL THEN 'c gone' ELSE 'c kept' END;
-- prints: c kept
-- IF EXISTS skips the names that are not there and drops the others.
DROP TABLE IF EXISTS dbo.drop_several_missing, dbo.drop_several_c;
PRINT CASE WHEN OBJECT_ID('dbo.drop_several_c') IS NULL THEN 'c gone' ELSE 'c kept' END;
-- prints: c gone
