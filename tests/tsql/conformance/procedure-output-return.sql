-- construct: OUTPUT parameters and RETURN status (EXEC @rc = procedure)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/language-elements/return-transact-sql
DROP PROCEDURE IF EXISTS dbo.usp_conf_checkstate;
DROP PROCEDURE IF EXISTS dbo.usp_conf_total;
DROP TABLE IF EXISTS dbo.conf_contacts;
GO
CREATE TABLE dbo.conf_contacts (ContactID INT, StateProvince NVARCHAR(20), Amount INT);
INSERT INTO dbo.conf_contacts VALUES (2, N'WA', 10), (6, N'OR', 5), (7, N'WA', 20);
GO
-- The documentation's status-code example, on this table.
CREATE PROCEDURE dbo.usp_conf_checkstate @param VARCHAR(11)
AS
IF (SELECT StateProvince FROM dbo.conf_contacts WHERE ContactID = @param) = 'WA'
    RETURN 1;
ELSE
    RETURN 2;
GO
CREATE PROCEDURE dbo.usp_conf_total @state NVARCHAR(20), @total INT OUTPUT, @rows INT = NULL OUTPUT
AS
BEGIN
    SELECT @total = SUM(Amount), @rows = COUNT(*) FROM dbo.conf_contacts WHERE StateProvince = @state;
END
GO
DECLARE @return_status INT;
EXEC @return_status = dbo.usp_conf_checkstate '2';
PRINT @return_status;
-- prints: 1
EXEC @return_status = dbo.usp_conf_checkstate '6';
PRINT @return_status;
-- prints: 2
-- No RETURN: the status is 0.
EXEC @return_status = dbo.usp_conf_total N'OR', NULL;
PRINT @return_status;
-- prints: 0
DECLARE @total INT, @rows INT;
EXEC dbo.usp_conf_total N'WA', @total OUTPUT, @rows OUTPUT;
PRINT CONCAT(@total, N' in ', @rows);
-- prints: 30 in 2
-- Without OUTPUT in the call, the variable keeps its value.
SET @total = -1;
EXEC dbo.usp_conf_total @state = N'OR', @total = @total;
PRINT @total;
-- prints: -1
DROP PROCEDURE dbo.usp_conf_checkstate;
DROP PROCEDURE dbo.usp_conf_total;
DROP TABLE dbo.conf_contacts;
