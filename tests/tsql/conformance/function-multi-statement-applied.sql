-- construct: multi-statement table-valued functions applied to each row (CROSS APPLY f(t.col))
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/queries/from-transact-sql
-- compat on duckdb, postgres at 22:66: dbo.ufn_conf_per_row(t.n)
DROP FUNCTION IF EXISTS dbo.ufn_conf_per_row;
DROP TABLE IF EXISTS dbo.conf_applied_nums;
GO
CREATE TABLE dbo.conf_applied_nums (n INT);
INSERT INTO dbo.conf_applied_nums VALUES (1), (2), (3);
GO
CREATE FUNCTION dbo.ufn_conf_per_row (@n INT) RETURNS @rows TABLE (n INT)
AS
BEGIN
    WHILE @n > 0
    BEGIN
        INSERT INTO @rows VALUES (@n);
        SET @n -= 1;
    END;
    RETURN;
END;
GO
DECLARE @c INT;
SELECT @c = COUNT(*) FROM dbo.conf_applied_nums AS t CROSS APPLY dbo.ufn_conf_per_row(t.n) AS r;
PRINT @c;
-- prints: 6
GO
DROP FUNCTION dbo.ufn_conf_per_row;
DROP TABLE dbo.conf_applied_nums;
