-- construct: JSON_VALUE (lax paths) / ISJSON
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/json-value-transact-sql
-- The documented example's document and lax-mode results.
DECLARE @jsonInfo NVARCHAR(MAX) = N'{
     "info":{
       "type":1,
       "address":{
         "town":"Bristol",
         "county":"Avon",
         "country":"England"
       },
       "tags":["Sport", "Water polo"]
    },
    "type":"Basic"
 }';
PRINT JSON_VALUE(@jsonInfo, '$.info.type');
-- prints: 1
PRINT JSON_VALUE(@jsonInfo, '$.info.address.town') + '/' + JSON_VALUE(@jsonInfo, '$.type');
-- prints: Bristol/Basic
PRINT JSON_VALUE(@jsonInfo, '$.info.tags[1]');
-- prints: Water polo
-- An object, an array, a missing key, the root: NULL in lax mode.
PRINT CONCAT(ISNULL(JSON_VALUE(@jsonInfo, '$.info."address"'), 'NULL'), ' ',
    ISNULL(JSON_VALUE(@jsonInfo, '$.info.tags'), 'NULL'), ' ',
    ISNULL(JSON_VALUE(@jsonInfo, '$.info.none'), 'NULL'), ' ',
    ISNULL(JSON_VALUE(@jsonInfo, '$.info.type[0]'), 'NULL'), ' ',
    ISNULL(JSON_VALUE(@jsonInfo, '$'), 'NULL'));
-- prints: NULL NULL NULL NULL NULL
-- A number comes back as the document spells it; true and false as words.
PRINT CONCAT(JSON_VALUE(N'{"price":1.50,"qty":1e2,"ok":true}', '$.price'), ' ',
    JSON_VALUE(N'{"price":1.50,"qty":1e2,"ok":true}', '$.qty'), ' ',
    JSON_VALUE(N'{"price":1.50,"qty":1e2,"ok":true}', '$.ok'));
-- prints: 1.50 1e2 true
-- Loading a staged JSON column, cast to the column types.
DROP TABLE IF EXISTS dbo.json_stage;
CREATE TABLE dbo.json_stage (id INT, doc NVARCHAR(400));
INSERT INTO dbo.json_stage VALUES (1, N'{"customer":{"name":"Ana"},"total":"12.50"}'),
    (2, N'{"customer":{"name":"Bo"}}'), (3, N'not json'), (4, NULL);
DECLARE @loaded NVARCHAR(200);
SELECT @loaded = STRING_AGG(CONCAT(id, ':', JSON_VALUE(doc, '$.customer.name'), ':',
        ISNULL(CAST(CAST(JSON_VALUE(doc, '$.total') AS DECIMAL(10, 2)) AS VARCHAR(20)), '-')),
        ' ') WITHIN GROUP (ORDER BY id)
FROM dbo.json_stage WHERE ISJSON(doc) = 1;
PRINT @loaded;
-- prints: 1:Ana:12.50 2:Bo:-
-- ISJSON: 1 for an object or an array, 0 otherwise, NULL for NULL.
PRINT CONCAT(ISJSON(N'{"a":1}'), ISJSON(N'[1,2]'), ISJSON(N'"text"'), ISJSON(N'test string'),
    ISJSON(N'[1,]'), ISNULL(CAST(ISJSON(NULL) AS VARCHAR(4)), 'NULL'));
-- prints: 11000NULL
-- With a type (SQL Server 2022): any JSON value, a scalar.
PRINT CONCAT(ISJSON('true', VALUE), ISJSON('test string', VALUE), ISJSON('"a"', SCALAR),
    ISJSON('{}', SCALAR), ISJSON('{}', OBJECT), ISJSON('{}', ARRAY));
-- prints: 101010
-- Not JSON at all is error 13609.
BEGIN TRY
    PRINT JSON_VALUE(N'{"a":', '$.a');
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 13609
DROP TABLE dbo.json_stage;
