-- construct: @@NESTLEVEL in procedures, EXEC (string) and sp_executesql
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/nestlevel-transact-sql
DROP PROCEDURE IF EXISTS dbo.usp_conf_OuterProc;
DROP PROCEDURE IF EXISTS dbo.usp_conf_InnerProc;
DROP PROCEDURE IF EXISTS dbo.usp_conf_NestLevelValues;
GO
CREATE PROCEDURE dbo.usp_conf_InnerProc AS
    PRINT CONCAT('Inner Level ', @@NESTLEVEL);
GO
CREATE PROCEDURE dbo.usp_conf_OuterProc AS
    PRINT CONCAT('Outer Level ', @@NESTLEVEL);
    EXEC dbo.usp_conf_InnerProc;
GO
EXECUTE dbo.usp_conf_OuterProc;
-- prints: Outer Level 1
-- prints: Inner Level 2
GO
CREATE PROCEDURE dbo.usp_conf_NestLevelValues AS
    PRINT CONCAT('Current Nest Level ', @@NESTLEVEL);
    EXEC ('PRINT CONCAT(''OneGreater '', @@NESTLEVEL)');
    EXEC sp_executesql N'PRINT CONCAT(''TwoGreater '', @@NESTLEVEL)';
GO
EXEC dbo.usp_conf_NestLevelValues;
-- prints: Current Nest Level 1
-- prints: OneGreater 2
-- prints: TwoGreater 3
PRINT @@NESTLEVEL;
-- prints: 0
DROP PROCEDURE dbo.usp_conf_OuterProc;
DROP PROCEDURE dbo.usp_conf_InnerProc;
DROP PROCEDURE dbo.usp_conf_NestLevelValues;
