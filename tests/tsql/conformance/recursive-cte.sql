-- construct: recursive common table expressions (a CTE that names itself)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/queries/with-common-table-expression-transact-sql
DROP TABLE IF EXISTS dbo.employees; DROP TABLE IF EXISTS dbo.dim_date;
CREATE TABLE dbo.employees (id INT NOT NULL, manager_id INT NULL, name VARCHAR(20) NOT NULL);
INSERT INTO dbo.employees VALUES (1, NULL, 'ceo'), (2, 1, 'cfo'), (3, 2, 'controller'), (4, 1, 'cto');
DECLARE @depth INT;
WITH chain AS (
    SELECT id, manager_id, 0 AS depth FROM dbo.employees WHERE manager_id IS NULL
    UNION ALL
    SELECT e.id, e.manager_id, c.depth + 1 FROM dbo.employees AS e JOIN chain AS c ON e.manager_id = c.id
)
SELECT @depth = MAX(depth) FROM chain;
PRINT @depth;
-- prints: 2
CREATE TABLE dbo.dim_date (date_key INT NOT NULL, day_date DATE NOT NULL);
WITH days (d) AS (
    SELECT CAST('2024-01-01' AS DATE)
    UNION ALL
    SELECT DATEADD(day, 1, d) FROM days WHERE d < '2024-12-31'
)
INSERT INTO dbo.dim_date (date_key, day_date)
SELECT CAST(FORMAT(d, 'yyyyMMdd') AS INT), d FROM days OPTION (MAXRECURSION 0);
PRINT @@ROWCOUNT;
-- prints: 366
