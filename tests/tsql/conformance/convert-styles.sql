-- construct: CONVERT date/time to text, styles 0/100, 1/101, 3/103, 23, 112, 120, 121, 126
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/cast-and-convert-transact-sql
DECLARE @moment DATETIME = '2006-04-25T15:50:59.997';
DECLARE @day DATE = '2006-04-05';
PRINT CONVERT(VARCHAR(30), @moment, 0);
-- prints: Apr 25 2006  3:50PM
PRINT CONVERT(VARCHAR(30), @moment, 100);
-- prints: Apr 25 2006  3:50PM
PRINT CONVERT(VARCHAR(10), @moment, 1);
-- prints: 04/25/06
PRINT CONVERT(VARCHAR(10), @moment, 101);
-- prints: 04/25/2006
PRINT CONVERT(VARCHAR(10), @moment, 3);
-- prints: 25/04/06
PRINT CONVERT(VARCHAR(10), @moment, 103);
-- prints: 25/04/2006
PRINT CONVERT(VARCHAR(10), @moment, 23);
-- prints: 2006-04-25
PRINT CONVERT(VARCHAR(8), @moment, 112);
-- prints: 20060425
PRINT CONVERT(VARCHAR(30), @moment, 120);
-- prints: 2006-04-25 15:50:59
PRINT CONVERT(VARCHAR(30), @moment, 121);
-- prints: 2006-04-25 15:50:59.997
PRINT CONVERT(VARCHAR(30), @moment, 126);
-- prints: 2006-04-25T15:50:59.997
-- For a milliseconds value of 0, style 126 shows no decimal fraction.
PRINT CONVERT(VARCHAR(30), CAST('2012-11-07T18:26:20.000' AS DATETIME), 126);
-- prints: 2012-11-07T18:26:20
-- datetime2 shows seven digits of a second in style 121 (the engines keep six).
PRINT CONVERT(VARCHAR(30), CAST('2006-04-25T15:50:59.123456' AS DATETIME2), 121);
-- prints: 2006-04-25 15:50:59.1234560
-- The date part of a date in styles that also show a time.
PRINT CONVERT(VARCHAR(30), @day, 0);
-- prints: Apr  5 2006
PRINT CONVERT(VARCHAR(30), @day, 120);
-- prints: 2006-04-05
-- CAST of a datetime to text is style 0, of a datetime2 style 121.
PRINT CAST(@moment AS NVARCHAR(30));
-- prints: Apr 25 2006  3:50PM
PRINT CAST(CAST('2006-04-25T15:50:59.123456' AS DATETIME2) AS NVARCHAR(30));
-- prints: 2006-04-25 15:50:59.1234560
-- A string is not a date: the style does not apply to it.
PRINT CONVERT(VARCHAR(30), '2006-04-25', 103);
-- prints: 2006-04-25
