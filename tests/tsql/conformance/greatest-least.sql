-- construct: GREATEST / LEAST of values whose types the statement shows
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/logical-functions-greatest-transact-sql
-- The examples of GREATEST's page and of LEAST's (logical-functions-least-transact-sql).
-- Every argument converts to the type of highest precedence, here decimal(5, 4).
PRINT GREATEST('6.62', 3.1415, N'7');
-- prints: 7.0000
PRINT LEAST('6.62', 3.1415, N'7');
-- prints: 3.1415
PRINT GREATEST('Glacier', N'Joshua Tree', 'Mount Rainier');
-- prints: Mount Rainier
PRINT LEAST('Glacier', N'Joshua Tree', 'Mount Rainier');
-- prints: Glacier
DROP TABLE IF EXISTS dbo.studies;
CREATE TABLE dbo.studies (VarX VARCHAR(10) NOT NULL, Correlation DECIMAL(4, 3) NULL);
INSERT INTO dbo.studies VALUES ('Var1', 0.2), ('Var2', 0.825), ('Var3', 0.61);
DECLARE @PredictionA DECIMAL(2, 1) = 0.7;
DECLARE @PredictionB DECIMAL(3, 1) = 0.65;
PRINT (SELECT STRING_AGG(CONCAT(VarX, N' ', Correlation), N';') WITHIN GROUP (ORDER BY VarX)
    FROM dbo.studies WHERE Correlation > GREATEST(@PredictionA, @PredictionB));
-- prints: Var2 0.825
PRINT (SELECT STRING_AGG(CONCAT(VarX, N' ', Correlation), N';') WITHIN GROUP (ORDER BY VarX)
    FROM dbo.studies WHERE Correlation < LEAST(@PredictionA, @PredictionB));
-- prints: Var1 0.200;Var3 0.610
-- A column shows its type through a CAST; NULLs are ignored.
DECLARE @VarX DECIMAL(4, 3) = 0.59;
PRINT (SELECT STRING_AGG(CONCAT(VarX, N' ', GREATEST(CAST(Correlation AS DECIMAL(4, 3)), 0, @VarX)), N';')
    WITHIN GROUP (ORDER BY VarX) FROM dbo.studies);
-- prints: Var1 0.590;Var2 0.825;Var3 0.610
DROP TABLE IF EXISTS dbo.products;
CREATE TABLE dbo.products (prod_id INT IDENTITY(1, 1), listprice SMALLMONEY NULL);
INSERT INTO dbo.products (listprice) VALUES (14.99), (49.99), (24.99);
DECLARE @PriceX SMALLMONEY = 19.99;
PRINT (SELECT STRING_AGG(CAST(LEAST(CAST(listprice AS SMALLMONEY), 40, @PriceX) AS DECIMAL(10, 4)), N';')
    WITHIN GROUP (ORDER BY prod_id) FROM dbo.products);
-- prints: 14.9900;19.9900;19.9900
DECLARE @none INT;
PRINT ISNULL(CAST(GREATEST(@none, CAST(NULL AS INT)) AS VARCHAR(10)), 'NULL');
-- prints: NULL
