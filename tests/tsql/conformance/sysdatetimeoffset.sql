-- construct: SYSDATETIMEOFFSET()
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/sysdatetimeoffset-transact-sql
-- The current time with the session's offset: its local time is SYSDATETIME()'s, the
-- offset (local time minus UTC) lies within 14 hours, and a datetimeoffset stored and
-- read back is the same instant. CAST to text writes 34 characters,
-- yyyy-mm-dd hh:mi:ss.nnnnnnn +hh:mm.
DECLARE @now DATETIMEOFFSET = SYSDATETIMEOFFSET();
DECLARE @offset INT = DATEDIFF(MINUTE, SYSUTCDATETIME(), CAST(@now AS DATETIME2));
PRINT CASE WHEN ABS(@offset) <= 14 * 60 THEN 'offset within a day' ELSE 'no' END;
-- prints: offset within a day
PRINT CASE WHEN ABS(DATEDIFF(SECOND, SYSDATETIME(), CAST(SYSDATETIMEOFFSET() AS DATETIME2))) < 60 THEN 'local time' ELSE 'other' END;
-- prints: local time
PRINT LEN(CAST(SYSDATETIMEOFFSET() AS NVARCHAR(40)));
-- prints: 34
PRINT CASE WHEN CONVERT(NVARCHAR(40), @now) LIKE N'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9][0-9][0-9][0-9][0-9] [+-][0-1][0-9]:[0-5][0-9]' THEN 'ISO with offset' ELSE 'other' END;
-- prints: ISO with offset
DROP TABLE IF EXISTS dbo.sysdatetimeoffset_log;
CREATE TABLE dbo.sysdatetimeoffset_log (
    id INT IDENTITY(1,1) PRIMARY KEY,
    step NVARCHAR(20) NOT NULL,
    LoadedAt DATETIMEOFFSET NOT NULL DEFAULT SYSDATETIMEOFFSET(),
    Stamp DATETIMEOFFSET NULL
);
INSERT INTO dbo.sysdatetimeoffset_log (step, Stamp) VALUES (N'load', @now);
PRINT (SELECT COUNT(*) FROM dbo.sysdatetimeoffset_log WHERE Stamp = @now);
-- prints: 1
PRINT (SELECT COUNT(*) FROM dbo.sysdatetimeoffset_log WHERE ABS(DATEDIFF(SECOND, @now, LoadedAt)) < 60);
-- prints: 1
DECLARE @back DATETIMEOFFSET = (SELECT Stamp FROM dbo.sysdatetimeoffset_log);
PRINT CASE WHEN @back = @now THEN 'same instant' ELSE 'moved' END;
-- prints: same instant
DROP TABLE dbo.sysdatetimeoffset_log;
