-- construct: SQUARE (a float, whatever the argument's type)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/square-transact-sql
-- The documentation's examples; their floats are printed as decimals (PRINT would show
-- six digits).
DECLARE @h FLOAT, @r FLOAT;
SET @h = 5;
SET @r = 1;
PRINT CAST(PI() * SQUARE(@r) * @h AS DECIMAL(18, 12));
-- prints: 15.707963267949
DROP TABLE IF EXISTS dbo.Containers;
CREATE TABLE dbo.Containers (ID INT NOT NULL, Name VARCHAR(20), Volume FLOAT(24));
INSERT INTO dbo.Containers VALUES (1, 'Cylinder', '125.22');
INSERT INTO dbo.Containers VALUES (2, 'Cube', '23.98');
-- A column converts to float: SQUARE runs whatever its type.
PRINT (SELECT CAST(SQUARE(Volume) AS DECIMAL(10, 2)) FROM dbo.Containers WHERE ID = 1);
-- prints: 15680.05
PRINT (SELECT CAST(SQUARE(Volume) AS DECIMAL(10, 2)) FROM dbo.Containers WHERE ID = 2);
-- prints: 575.04
