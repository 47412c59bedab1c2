-- construct: DECLARE CURSOR (LOCAL, GLOBAL, FORWARD_ONLY, STATIC, FAST_FORWARD, READ_ONLY), OPEN, FETCH NEXT INTO, @@FETCH_STATUS, CLOSE, DEALLOCATE
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/language-elements/fetch-transact-sql
DROP TABLE IF EXISTS dbo.conf_people;
CREATE TABLE dbo.conf_people (LastName NVARCHAR(20), FirstName NVARCHAR(20));
INSERT INTO dbo.conf_people VALUES (N'Brown', N'Bea'), (N'Bauer', N'Al'), (N'Adams', N'Cy');
-- The documentation's FETCH ... INTO example, on this table.
DECLARE @LastName VARCHAR(50), @FirstName VARCHAR(50);
DECLARE contact_cursor CURSOR FOR
SELECT LastName, FirstName FROM dbo.conf_people
WHERE LastName LIKE 'B%'
ORDER BY LastName, FirstName;
OPEN contact_cursor;
FETCH NEXT FROM contact_cursor INTO @LastName, @FirstName;
WHILE @@FETCH_STATUS = 0
BEGIN
    PRINT 'Contact Name: ' + @FirstName + ' ' + @LastName;
    FETCH NEXT FROM contact_cursor INTO @LastName, @FirstName;
END
-- prints: Contact Name: Al Bauer
-- prints: Contact Name: Bea Brown
PRINT @@FETCH_STATUS;
-- prints: -1
CLOSE contact_cursor;
DEALLOCATE contact_cursor;
-- Every option of a static, forward-only cursor.
DECLARE c CURSOR LOCAL FORWARD_ONLY STATIC READ_ONLY FOR
SELECT COUNT(*) FROM dbo.conf_people;
DECLARE @n INT;
OPEN c;
FETCH c INTO @n;
PRINT @n;
-- prints: 3
CLOSE c;
DEALLOCATE c;
-- 16916: a cursor that does not exist.
BEGIN TRY
    OPEN no_such_cursor;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 16916
DROP TABLE dbo.conf_people;
