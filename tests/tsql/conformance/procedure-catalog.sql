-- construct: CREATE / ALTER / CREATE OR ALTER / DROP PROCEDURE [IF EXISTS], sys.procedures, OBJECT_ID(..., 'P')
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/system-catalog-views/sys-procedures-transact-sql
DROP PROCEDURE IF EXISTS dbo.usp_conf_cat;
GO
CREATE PROCEDURE dbo.usp_conf_cat AS PRINT 'first';
GO
IF OBJECT_ID(N'dbo.usp_conf_cat', N'P') IS NOT NULL PRINT 'a procedure';
-- prints: a procedure
IF OBJECT_ID(N'dbo.usp_conf_cat', N'U') IS NULL PRINT 'no table';
-- prints: no table
PRINT (SELECT COUNT(*) FROM sys.procedures WHERE name = N'usp_conf_cat');
-- prints: 1
DECLARE @id INT = OBJECT_ID(N'dbo.usp_conf_cat');
GO
ALTER PROCEDURE dbo.usp_conf_cat AS PRINT 'altered';
GO
EXEC dbo.usp_conf_cat;
-- prints: altered
GO
CREATE OR ALTER PROCEDURE dbo.usp_conf_cat AS PRINT 'created or altered';
GO
EXEC dbo.usp_conf_cat;
-- prints: created or altered
GO
-- 2714: CREATE of a name that exists.
BEGIN TRY
    EXEC (N'CREATE PROCEDURE dbo.usp_conf_cat AS PRINT 1');
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 2714
DROP PROCEDURE dbo.usp_conf_cat;
IF OBJECT_ID(N'dbo.usp_conf_cat', N'P') IS NULL PRINT 'dropped';
-- prints: dropped
DROP PROCEDURE IF EXISTS dbo.usp_conf_cat;
-- 3701: DROP of a procedure that does not exist.
BEGIN TRY
    DROP PROCEDURE dbo.usp_conf_cat;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 3701
