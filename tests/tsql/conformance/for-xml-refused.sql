-- construct: FOR XML other than PATH('') string aggregation
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/xml/use-path-mode-with-for-xml
-- A named column becomes an element, RAW and AUTO write rows as elements: XML output is
-- not emulated, so these stay compat findings.
-- compat on duckdb, postgres at 11:58: FOR XML
-- compat on duckdb, postgres at 13:50: FOR XML
DROP TABLE IF EXISTS dbo.xml_names;
CREATE TABLE dbo.xml_names (name NVARCHAR(20));
INSERT INTO dbo.xml_names VALUES (N'Ana');
DECLARE @xml NVARCHAR(200);
SET @xml = (SELECT name FROM dbo.xml_names ORDER BY name FOR XML PATH(''));
PRINT @xml;
SET @xml = (SELECT ',' + name FROM dbo.xml_names FOR XML RAW);
PRINT @xml;
-- prints: <name>Ana</name>
-- prints: <row>,Ana</row>
