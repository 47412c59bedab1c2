-- construct: multi-statement table-valued functions (RETURNS @table TABLE) read with values the statement knows
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-function-transact-sql
-- The body fills the table variable RETURNS declares; each parameter takes its argument
-- converted to its type (NVARCHAR(3) keeps three characters); sys.objects types the
-- function TF; the statement reads the rows under the call's alias, in FROM, JOIN and APPLY.
DROP FUNCTION IF EXISTS dbo.ufn_conf_rows;
DROP TABLE IF EXISTS dbo.conf_mstvf_nums;
GO
CREATE TABLE dbo.conf_mstvf_nums (n INT);
INSERT INTO dbo.conf_mstvf_nums VALUES (1), (2), (3);
GO
CREATE FUNCTION dbo.ufn_conf_rows (@n INT, @tag NVARCHAR(3))
RETURNS @rows TABLE (n INT, tag NVARCHAR(10))
AS
BEGIN
    DECLARE @i INT = 1;
    WHILE @i <= @n
    BEGIN
        INSERT INTO @rows VALUES (@i, @tag);
        SET @i += 1;
    END;
    RETURN;
END;
GO
PRINT IIF(OBJECT_ID(N'dbo.ufn_conf_rows', N'TF') IS NULL, 'none', 'TF');
-- prints: TF
DECLARE @k INT = 2, @c INT, @s NVARCHAR(20);
SELECT @c = COUNT(*), @s = MAX(r.tag) FROM dbo.ufn_conf_rows(@k + 1, N'abcdef') AS r;
PRINT CONCAT(@c, ' ', @s);
-- prints: 3 abc
SELECT @c = COUNT(*)
FROM dbo.conf_mstvf_nums AS t JOIN dbo.ufn_conf_rows(@k, N'a') AS a ON a.n = t.n;
PRINT @c;
-- prints: 2
SELECT @c = COUNT(*) FROM dbo.conf_mstvf_nums AS t CROSS APPLY dbo.ufn_conf_rows(2, N'a') AS a;
PRINT @c;
-- prints: 6
SELECT @c = COUNT(*) FROM dbo.conf_mstvf_nums AS t OUTER APPLY dbo.ufn_conf_rows(0, N'a') AS a;
PRINT @c;
-- prints: 3
SELECT @c = MAX(ufn_conf_rows.n) FROM dbo.ufn_conf_rows(4, N'a');
PRINT @c;
-- prints: 4
GO
CREATE OR ALTER FUNCTION dbo.ufn_conf_rows (@n INT, @tag NVARCHAR(3))
RETURNS @rows TABLE (n INT, tag NVARCHAR(10))
AS
BEGIN
    INSERT INTO @rows VALUES (@n * 10, @tag);
    RETURN;
END;
GO
DECLARE @c INT;
SELECT @c = n FROM dbo.ufn_conf_rows(5, N'z');
PRINT @c;
-- prints: 50
IF OBJECT_ID(N'dbo.ufn_conf_rows', N'TF') IS NOT NULL DROP FUNCTION dbo.ufn_conf_rows;
PRINT IIF(OBJECT_ID(N'dbo.ufn_conf_rows') IS NULL, 'dropped', 'kept');
-- prints: dropped
DROP TABLE dbo.conf_mstvf_nums;
