-- construct: NEXT VALUE FOR a sequence that has run out
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/next-value-for-transact-sql
DROP SEQUENCE IF EXISTS dbo.ShortOne;
CREATE SEQUENCE dbo.ShortOne AS INT START WITH 1 MAXVALUE 2 NO CYCLE;
DECLARE @v INT;
SET @v = NEXT VALUE FOR dbo.ShortOne;
SET @v = NEXT VALUE FOR dbo.ShortOne;
PRINT @v;
-- prints: 2
BEGIN TRY
    SET @v = NEXT VALUE FOR dbo.ShortOne;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 11728
DROP SEQUENCE dbo.ShortOne;
