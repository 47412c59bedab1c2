-- construct: DEFAULT SYSUTCDATETIME()
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-table-transact-sql#default
-- A column default may call a function without parentheses around it, as most
-- hand-written DDL does; the row gets the clock when the INSERT leaves the column out.
DROP TABLE IF EXISTS dbo.default_clock_log;
CREATE TABLE dbo.default_clock_log (
    id INT IDENTITY(1,1) PRIMARY KEY,
    step NVARCHAR(20) NOT NULL,
    logged_utc DATETIME2(0) NOT NULL DEFAULT SYSUTCDATETIME(),
    logged_utc_old DATETIME NOT NULL CONSTRAINT DF_default_clock_log_old DEFAULT GETUTCDATE(),
    logged_local DATETIME2(0) NOT NULL DEFAULT SYSDATETIME(),
    priority TINYINT NOT NULL DEFAULT 3
);
INSERT INTO dbo.default_clock_log (step) VALUES (N'load');
DECLARE @fresh INT = (
    SELECT COUNT(*) FROM dbo.default_clock_log
    WHERE ABS(DATEDIFF(SECOND, logged_utc, SYSUTCDATETIME())) < 300
      AND ABS(DATEDIFF(SECOND, logged_utc_old, GETUTCDATE())) < 300
      AND ABS(DATEDIFF(SECOND, logged_local, SYSDATETIME())) < 300
      AND priority = 3
);
PRINT @fresh;
-- prints: 1
DROP TABLE dbo.default_clock_log;
