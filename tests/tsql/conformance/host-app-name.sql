-- construct: HOST_NAME() / APP_NAME()
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/host-name-transact-sql
-- HOST_NAME() is the workstation name the client sends (the machine etlcheck runs on);
-- APP_NAME() the program name its connection gives, which etlcheck sets to etlcheck.
PRINT CASE WHEN LEN(HOST_NAME()) > 0 THEN 'named' ELSE 'unnamed' END;
-- prints: named
PRINT APP_NAME();
-- prints: etlcheck
PRINT CASE WHEN N'from ' + HOST_NAME() + N' by ' + APP_NAME() LIKE N'from % by etlcheck' THEN 'text' ELSE 'not text' END;
-- prints: text
DROP TABLE IF EXISTS dbo.host_app_log;
CREATE TABLE dbo.host_app_log (
    id INT IDENTITY(1,1) PRIMARY KEY,
    step NVARCHAR(20) NOT NULL,
    Host NVARCHAR(128) NULL DEFAULT HOST_NAME(),
    App NVARCHAR(128) NULL DEFAULT APP_NAME()
);
INSERT INTO dbo.host_app_log (step) VALUES (N'load');
INSERT INTO dbo.host_app_log (step, Host, App) VALUES (N'given', N'elsewhere', N'other');
PRINT (SELECT COUNT(*) FROM dbo.host_app_log WHERE Host = HOST_NAME() AND App = APP_NAME());
-- prints: 1
DROP TABLE dbo.host_app_log;
