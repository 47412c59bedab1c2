-- construct: a string compared with a date or datetime variable, in SQL Server's date forms
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/data-types/data-type-precedence-transact-sql
-- "When an operator combines expressions of different data types, the data type with the
-- lower precedence is first implicitly converted to the data type with the higher
-- precedence": date and datetime rank above the character types, so the string is read as
-- a date, as CAST reads it ('yyyymmdd' and, under the default DATEFORMAT mdy, 'mm/dd/yyyy').
DECLARE @d DATE = '20240105', @n INT = 0;
WHILE @d <= '20240110'
BEGIN
    SET @n += 1;
    SET @d = DATEADD(DAY, 1, @d);
END
PRINT @n;
-- prints: 6
IF @d BETWEEN '01/01/2024' AND '1/31/2024' PRINT N'in January';
-- prints: in January
IF @d IN ('20240110', '20240111') PRINT N'listed';
-- prints: listed
IF '20240201' > @d PRINT N'before February';
-- prints: before February
DECLARE @t DATETIME = '2024-01-05T10:30:00';
IF @t > '20240105' PRINT N'after midnight';
-- prints: after midnight
IF @t < '01/05/2024 11:00' PRINT N'before eleven';
-- prints: before eleven
