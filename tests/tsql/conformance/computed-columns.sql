-- construct: computed columns, PERSISTED or not
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/tables/specify-computed-columns-in-a-table
DROP TABLE IF EXISTS dbo.lines;
CREATE TABLE dbo.lines (id INT NOT NULL, qty INT NOT NULL, price DECIMAL(10, 2) NOT NULL, total AS (qty * price) PERSISTED, code AS (CONCAT('L-', id)));
-- compat on postgres at 4:97: computed column
INSERT INTO dbo.lines (id, qty, price) VALUES (1, 3, 2.50);
DECLARE @t NVARCHAR(40);
SELECT @t = CONCAT(code, ' ', total) FROM dbo.lines;
PRINT @t;
-- prints: L-1 7.50
