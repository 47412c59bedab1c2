-- construct: @@ROWCOUNT after EXEC of a procedure
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/rowcount-transact-sql
DROP PROCEDURE IF EXISTS dbo.usp_conf_touch;
DROP TABLE IF EXISTS dbo.conf_counted;
GO
CREATE TABLE dbo.conf_counted (id INT, flag INT);
INSERT INTO dbo.conf_counted VALUES (1, 0), (2, 0), (3, 1);
GO
CREATE PROCEDURE dbo.usp_conf_touch @flag INT
AS
    UPDATE dbo.conf_counted SET flag = @flag WHERE flag = 0;
GO
-- EXECUTE statements preserve the previous @@ROWCOUNT: the procedure's last statement's.
EXEC dbo.usp_conf_touch 2;
PRINT @@ROWCOUNT;
-- prints: 2
EXEC dbo.usp_conf_touch 3;
PRINT @@ROWCOUNT;
-- prints: 0
DROP PROCEDURE dbo.usp_conf_touch;
DROP TABLE dbo.conf_counted;
