-- construct: CROSS APPLY / OUTER APPLY
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/queries/from-transact-sql
-- CROSS APPLY returns only the rows of the left side for which the right side returns
-- rows; OUTER APPLY returns them all, with NULLs where the right side returns none.
DROP TABLE IF EXISTS dbo.apply_departments;
DROP TABLE IF EXISTS dbo.apply_employees;
CREATE TABLE dbo.apply_departments (id INT, name NVARCHAR(20));
CREATE TABLE dbo.apply_employees (id INT, department INT, salary INT);
INSERT INTO dbo.apply_departments VALUES (1, N'Sales'), (2, N'Finance'), (3, N'Empty');
INSERT INTO dbo.apply_employees VALUES (1, 1, 100), (2, 1, 300), (3, 2, 200);
DECLARE @rows INT, @total INT;
SELECT @rows = COUNT(*), @total = SUM(top_pay.salary)
FROM dbo.apply_departments AS d
CROSS APPLY (SELECT TOP 1 e.salary FROM dbo.apply_employees AS e
             WHERE e.department = d.id ORDER BY e.salary DESC) AS top_pay;
PRINT CONCAT(@rows, N' departments, ', @total);
-- prints: 2 departments, 500
SELECT @rows = COUNT(*), @total = COUNT(top_pay.salary)
FROM dbo.apply_departments AS d
OUTER APPLY (SELECT TOP 1 e.salary FROM dbo.apply_employees AS e
             WHERE e.department = d.id ORDER BY e.salary DESC) AS top_pay;
PRINT CONCAT(@rows, N' departments, ', @total, N' with a salary');
-- prints: 3 departments, 2 with a salary
-- The table-valued side can be VALUES: one row per listed value.
SELECT @rows = COUNT(*), @total = SUM(v.amount)
FROM dbo.apply_employees AS e
CROSS APPLY (VALUES (e.salary), (e.id)) AS v(amount);
PRINT CONCAT(@rows, N' rows, ', @total);
-- prints: 6 rows, 606
DROP TABLE dbo.apply_departments;
DROP TABLE dbo.apply_employees;
