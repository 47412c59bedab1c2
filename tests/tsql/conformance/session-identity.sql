-- construct: SUSER_SNAME() / SUSER_NAME() / SYSTEM_USER / ORIGINAL_LOGIN() / CURRENT_USER / SESSION_USER / USER / USER_NAME()
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/suser-sname-transact-sql
-- The login of the current context has three spellings, and is the login that connected
-- while nothing impersonates another; the database user of the context has four. The
-- names themselves are the server's (a login, a user, etlcheck's run role...), so the
-- script compares them rather than print them.
PRINT CASE WHEN SUSER_SNAME() = SYSTEM_USER AND SUSER_NAME() = SYSTEM_USER THEN 'one login' ELSE 'differ' END;
-- prints: one login
PRINT CASE WHEN ORIGINAL_LOGIN() = SUSER_SNAME() THEN 'not impersonated' ELSE 'impersonated' END;
-- prints: not impersonated
PRINT CASE WHEN CURRENT_USER = USER_NAME() AND SESSION_USER = USER AND USER = CURRENT_USER THEN 'one user' ELSE 'differ' END;
-- prints: one user
PRINT CASE WHEN LEN(SYSTEM_USER) > 0 AND LEN(CURRENT_USER) > 0 THEN 'named' ELSE 'unnamed' END;
-- prints: named
-- nvarchar: + concatenates, and a sysname variable keeps the name.
PRINT CASE WHEN N'by ' + SYSTEM_USER = N'by ' + SUSER_SNAME() THEN 'text' ELSE 'not text' END;
-- prints: text
DECLARE @who SYSNAME = SUSER_SNAME();
IF @who = SYSTEM_USER PRINT 'kept';
-- prints: kept
-- Audit columns: an INSERT that leaves them out gets the names, as the DEFAULTs say.
DROP TABLE IF EXISTS dbo.session_identity_audit;
CREATE TABLE dbo.session_identity_audit (
    id INT IDENTITY(1,1) PRIMARY KEY,
    step NVARCHAR(20) NOT NULL,
    CreatedBy NVARCHAR(128) NOT NULL DEFAULT SUSER_SNAME(),
    LoadedBy NVARCHAR(128) NULL DEFAULT SYSTEM_USER,
    SuserName NVARCHAR(128) NULL CONSTRAINT DF_session_identity_audit_suser DEFAULT (SUSER_NAME()),
    OriginalLogin NVARCHAR(128) NULL DEFAULT ORIGINAL_LOGIN(),
    DbUser NVARCHAR(128) NULL DEFAULT USER_NAME(),
    CurrentDbUser SYSNAME NOT NULL DEFAULT CURRENT_USER,
    SessionDbUser NVARCHAR(128) NULL DEFAULT SESSION_USER,
    PlainUser NVARCHAR(128) NULL DEFAULT USER
);
INSERT INTO dbo.session_identity_audit (step) VALUES (N'load');
PRINT (
    SELECT COUNT(*) FROM dbo.session_identity_audit
    WHERE CreatedBy = SUSER_SNAME() AND LoadedBy = SYSTEM_USER AND SuserName = SUSER_NAME()
      AND OriginalLogin = ORIGINAL_LOGIN() AND DbUser = USER_NAME()
      AND CurrentDbUser = CURRENT_USER AND SessionDbUser = SESSION_USER AND PlainUser = USER
);
-- prints: 1
DROP TABLE dbo.session_identity_audit;
