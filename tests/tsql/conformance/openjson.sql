-- construct: OPENJSON (default schema and WITH)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/openjson-transact-sql
-- Without WITH: one row per member, with its key, its value and its type
-- (0 null, 1 string, 2 number, 3 true/false, 4 array, 5 object).
DECLARE @json NVARCHAR(MAX) = N'{"name":"John","surname":"Doe","age":45,"active":true,
    "skills":["SQL","C#"],"address":{"city":"Bristol"},"phone":null}';
DECLARE @rows NVARCHAR(MAX);
SELECT @rows = STRING_AGG(CONCAT([key], '=', ISNULL(value, 'NULL'), ':', [type]), ' | ')
FROM OPENJSON(@json);
PRINT @rows;
-- prints: name=John:1 | surname=Doe:1 | age=45:2 | active=true:3 | skills=["SQL","C#"]:4 | address={"city":"Bristol"}:5 | phone=NULL:0
-- An array's keys are the positions, from 0; a path picks where to start.
SELECT @rows = STRING_AGG(CONCAT([key], '=', value), ',') FROM OPENJSON(@json, '$.skills');
PRINT @rows;
-- prints: 0=SQL,1=C#
-- WITH: one row per element of the array, each column read at its path, typed;
-- AS JSON keeps an object or array as JSON text.
DECLARE @orders NVARCHAR(MAX) = N'[
  {"Order":{"Number":"SO43659","Date":"2011-05-31T00:00:00"},
   "AccountNumber":"AW29825","Item":{"Price":2024.9940,"Quantity":1}},
  {"Order":{"Number":"SO43661","Date":"2011-06-01T00:00:00"},
   "AccountNumber":"AW73565","Item":{"Price":2024.9940,"Quantity":3}}
]';
SELECT @rows = STRING_AGG(CONCAT(Number, ' ', CONVERT(VARCHAR(10), [Date], 120), ' ', Customer,
        ' ', Quantity * 2, ' ', [Order]), ' | ')
FROM OPENJSON(@orders)
WITH (Number VARCHAR(200) '$.Order.Number', [Date] DATETIME '$.Order.Date',
      Customer VARCHAR(200) '$.AccountNumber', Quantity INT '$.Item.Quantity',
      [Order] NVARCHAR(MAX) AS JSON);
PRINT @rows;
-- prints: SO43659 2011-05-31 AW29825 2 {"Number":"SO43659","Date":"2011-05-31T00:00:00"} | SO43661 2011-06-01 AW73565 6 {"Number":"SO43661","Date":"2011-06-01T00:00:00"}
-- CROSS APPLY over a staged column; a missing path gives no rows.
DROP TABLE IF EXISTS dbo.openjson_stage;
CREATE TABLE dbo.openjson_stage (id INT, doc NVARCHAR(400));
INSERT INTO dbo.openjson_stage VALUES (1, N'{"lines":[{"sku":"A","qty":2},{"sku":"B","qty":1}]}'),
    (2, N'{"lines":[]}'), (3, N'{}');
SELECT @rows = STRING_AGG(CONCAT(s.id, ':', l.sku, 'x', l.qty), ',')
FROM dbo.openjson_stage AS s
CROSS APPLY OPENJSON(s.doc, '$.lines') WITH (sku NVARCHAR(10), qty INT) AS l;
PRINT @rows;
-- prints: 1:Ax2,1:Bx1
DROP TABLE dbo.openjson_stage;
