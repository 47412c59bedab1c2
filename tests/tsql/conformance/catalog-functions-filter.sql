-- construct: SCHEMA_NAME / OBJECT_NAME / OBJECT_SCHEMA_NAME of sys.tables' own columns in WHERE
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/object-schema-name-transact-sql
-- The idempotent clean-up's filter: each function answers for the row's own id.
DROP TABLE IF EXISTS dbo.filter_b;
DROP TABLE IF EXISTS dbo.filter_c;
CREATE TABLE dbo.filter_b (id INT);
CREATE TABLE dbo.filter_c (id INT);
DECLARE @names VARCHAR(200);
SELECT @names = STRING_AGG(name, ',') WITHIN GROUP (ORDER BY name) FROM sys.tables
WHERE SCHEMA_NAME(schema_id) = 'dbo' AND name LIKE 'filter[_]%';
PRINT @names;
-- prints: filter_b,filter_c
SELECT @names = STRING_AGG(name, ',') FROM sys.tables WHERE OBJECT_NAME(object_id) = 'filter_b';
PRINT @names;
-- prints: filter_b
SELECT @names = STRING_AGG(name, ',') WITHIN GROUP (ORDER BY name) FROM sys.tables
WHERE OBJECT_SCHEMA_NAME(object_id) = 'dbo' AND OBJECT_NAME(object_id) LIKE 'filter%';
PRINT @names;
-- prints: filter_b,filter_c
DROP TABLE dbo.filter_b;
DROP TABLE dbo.filter_c;
