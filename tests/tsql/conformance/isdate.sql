-- construct: ISDATE of text in the forms cleansing steps check (yyyy-mm-dd, yyyymmdd, mm/dd/yyyy)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/isdate-transact-sql
DROP TABLE IF EXISTS dbo.RawOrders;
CREATE TABLE dbo.RawOrders (OrderRef NVARCHAR(10) NOT NULL, OrderedOn NVARCHAR(40) NULL);
INSERT INTO dbo.RawOrders (OrderRef, OrderedOn) VALUES
    (N'A1', N'2024-02-28'), (N'A2', N'2024-02-30'), (N'A3', N'20240228'),
    (N'A4', N'02/28/2024'), (N'A5', N'abc'), (N'A6', N''), (N'A7', NULL),
    (N'A8', N'1752-12-31'), (N'A9', N'2024-02-28 10:00:00.123'),
    (N'B1', N'2024-02-28 10:00:00.1234'), (N'B2', N' 02/29/24 ');
-- The rows a cleansing step keeps: the texts that convert to datetime.
DECLARE @kept NVARCHAR(200);
SELECT @kept = STRING_AGG(OrderRef, N',') WITHIN GROUP (ORDER BY OrderRef)
FROM dbo.RawOrders WHERE ISDATE(OrderedOn) = 1;
PRINT @kept;
-- prints: A1,A3,A4,A9,B2
-- NULL, an empty string, a day that does not exist and a year before 1753 are not dates.
PRINT CONCAT(ISDATE(NULL), ISDATE(''), ISDATE('2024-02-30'), ISDATE('1752-12-31'));
-- prints: 0000
-- More than three digits of a second are a datetime2 text, not a datetime.
PRINT CONCAT(ISDATE('2024-02-28 10:00:00.123'), ISDATE('2024-02-28 10:00:00.1234'));
-- prints: 10
DECLARE @text VARCHAR(30) = '2024-02-28T23:59:59';
PRINT ISDATE(@text);
-- prints: 1
