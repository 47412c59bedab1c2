-- construct: SET DATEFIRST n and @@DATEFIRST: DATEPART's weekday and week count from that day
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/datepart-transact-sql
DROP PROCEDURE IF EXISTS dbo.usp_conf_monday_weeks;
DROP FUNCTION IF EXISTS dbo.ufn_conf_weekday;
GO
CREATE FUNCTION dbo.ufn_conf_weekday (@d DATE)
RETURNS INT
AS
BEGIN
    RETURN DATEPART(WEEKDAY, @d);
END;
GO
CREATE PROCEDURE dbo.usp_conf_monday_weeks
AS
BEGIN
    SET DATEFIRST 1;
    PRINT CONCAT('in the procedure ', @@DATEFIRST, ' ', DATEPART(dw, '2007-04-21'));
END;
GO
PRINT CONCAT(@@DATEFIRST, ' ', DATEPART(week, '2007-04-21'), ' ', DATEPART(weekday, '2007-04-21'));
-- prints: 7 16 7
SET DATEFIRST 1;
PRINT CONCAT(@@DATEFIRST, ' ', DATEPART(week, '2007-04-21'), ' ', DATEPART(weekday, '2007-04-21'));
-- prints: 1 16 6
SET DATEFIRST 2;
PRINT CONCAT(DATEPART(wk, '2007-04-21'), ' ', DATEPART(dw, '2007-04-21'));
-- prints: 17 5
SET DATEFIRST 6;
PRINT CONCAT(DATEPART(ww, '2007-04-21'), ' ', DATEPART(dw, '2007-04-21'), ' ', DATENAME(week, '2007-04-21'), ' ', DATENAME(weekday, '2007-04-21'));
-- prints: 17 1 17 Saturday
SET DATEFIRST 3;
PRINT DATEPART(dw, CAST('1999-1-1' AS DATETIME2));
-- prints: 3
PRINT CONCAT(DATEPART(week, '2007-01-01'), ' ', DATEDIFF(week, '2007-04-14', '2007-04-21'), ' ', DATEPART(iso_week, '2007-04-21'));
-- prints: 1 1 16
SET DATEFIRST 7;
EXEC dbo.usp_conf_monday_weeks;
-- prints: in the procedure 1 6
PRINT CONCAT('after the procedure ', @@DATEFIRST, ' ', DATEPART(dw, '2007-04-21'));
-- prints: after the procedure 7 7
SET DATEFIRST 1;
PRINT CONCAT('a function reads the caller''s setting: ', dbo.ufn_conf_weekday('2007-04-21'));
-- prints: a function reads the caller's setting: 6
SET DATEFIRST 7;
DROP PROCEDURE dbo.usp_conf_monday_weeks;
DROP FUNCTION dbo.ufn_conf_weekday;
