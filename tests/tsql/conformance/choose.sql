-- construct: CHOOSE
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/logical-functions-choose-transact-sql
PRINT CHOOSE(3, 'Manager', 'Director', 'Developer', 'Tester');
-- prints: Developer
-- An index outside the list returns NULL.
PRINT ISNULL(CHOOSE(5, 'Manager', 'Director', 'Developer', 'Tester'), 'NULL');
-- prints: NULL
-- A non-integer index is converted to an integer (truncated).
PRINT CHOOSE(2.9, 'Manager', 'Director', 'Developer', 'Tester');
-- prints: Director
DROP TABLE IF EXISTS dbo.choose_orders;
CREATE TABLE dbo.choose_orders (id INT, placed DATE);
INSERT INTO dbo.choose_orders VALUES (1, '2024-01-15'), (2, '2024-07-04'), (3, '2024-11-30');
DECLARE @seasons VARCHAR(100);
SELECT @seasons = STRING_AGG(CHOOSE(MONTH(placed), 'Winter', 'Winter', 'Spring', 'Spring',
    'Spring', 'Summer', 'Summer', 'Summer', 'Autumn', 'Autumn', 'Autumn', 'Winter'), ',')
    WITHIN GROUP (ORDER BY id)
FROM dbo.choose_orders;
PRINT @seasons;
-- prints: Winter,Summer,Autumn
DROP TABLE dbo.choose_orders;
