-- construct: DATALENGTH of a value whose type the statement shows
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/datalength-transact-sql
-- "Returns the number of bytes used to represent any expression": two a UTF-16 code unit
-- of an nvarchar (four for a character beyond the BMP), one a character of a varchar in
-- its code page, trailing blanks counted (LEN does not count them), NULL for NULL.
DECLARE @n NVARCHAR(20) = N'ab ', @v VARCHAR(20) = 'ab ', @b VARBINARY(10) = 0x0102;
PRINT CONCAT(DATALENGTH(@n), '/', LEN(@n), '/', DATALENGTH(@v), '/', DATALENGTH(@b));
-- prints: 6/2/3/2
DECLARE @none NVARCHAR(5);
PRINT ISNULL(DATALENGTH(@none), -1);
-- prints: -1
PRINT DATALENGTH(CAST(N'😀' AS NVARCHAR(5))) + DATALENGTH('xyz');
-- prints: 7
DECLARE @sql NVARCHAR(MAX) = N'SELECT 1;';
IF DATALENGTH(@sql) > 4000 PRINT N'long' ELSE PRINT N'short';
-- prints: short
PRINT DATALENGTH(CONCAT_WS(N'|', 'a', 'b'));
-- prints: 6
