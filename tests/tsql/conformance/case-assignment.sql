-- construct: SET / DECLARE of a variable to a CASE expression with ELSE, also inside IF ... ELSE
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/language-elements/case-transact-sql
-- The ELSE belongs to the CASE, not to a statement: the variable's value starts with CASE.
DECLARE @load NVARCHAR(10) = CASE WHEN DATEPART(WEEKDAY, '2024-06-01') = 7 THEN N'weekend' ELSE N'weekday' END;
PRINT @load;
-- prints: weekend
DECLARE @rows INT = 120, @size NVARCHAR(10);
SET @size = CASE WHEN @rows > 100 THEN N'large' ELSE N'small' END;
PRINT @size;
-- prints: large
IF @rows > 1000 SET @size = N'huge' ELSE SET @size = CASE @rows WHEN 120 THEN N'exact' ELSE N'other' END
PRINT @size
-- prints: exact
DECLARE @a INT = CASE WHEN @rows > 0 THEN 1 ELSE 0 END, @b INT = 2;
PRINT CONCAT(@a, @b);
-- prints: 12
