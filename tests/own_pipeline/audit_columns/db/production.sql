/*
    production.sql
    The warehouse's staging and logging tables as they stand. Every row records who
    loaded it, from which machine and program, and when, through column defaults.
*/
IF SCHEMA_ID(N'stage') IS NULL EXEC(N'CREATE SCHEMA stage');
GO
IF SCHEMA_ID(N'ops') IS NULL EXEC(N'CREATE SCHEMA ops');
GO

CREATE TABLE stage.incoming (
    code    NVARCHAR(10)   NOT NULL,
    amount  DECIMAL(12, 2) NOT NULL
);
CREATE TABLE stage.d (
    id        INT IDENTITY(1,1) PRIMARY KEY,
    code      NVARCHAR(10)   NOT NULL,
    amount    DECIMAL(12, 2) NOT NULL,
    CreatedBy NVARCHAR(128)  NOT NULL DEFAULT SUSER_SNAME(),
    LoadedBy  NVARCHAR(128)  NULL DEFAULT SYSTEM_USER,
    Host      NVARCHAR(128)  NULL DEFAULT HOST_NAME(),
    App       NVARCHAR(128)  NULL DEFAULT APP_NAME(),
    DbUser    NVARCHAR(128)  NULL DEFAULT USER_NAME(),
    Login     NVARCHAR(128)  NULL DEFAULT ORIGINAL_LOGIN(),
    LoadedAt  DATETIMEOFFSET NOT NULL DEFAULT SYSDATETIMEOFFSET()
);
CREATE TABLE ops.load_log (
    log_id      INT IDENTITY(1,1) NOT NULL,
    step        NVARCHAR(50)   NOT NULL,
    rows_loaded INT            NOT NULL,
    run_by      SYSNAME        NOT NULL,
    run_from    NVARCHAR(128)  NOT NULL,
    logged_at   DATETIMEOFFSET NOT NULL CONSTRAINT DF_load_log_logged_at DEFAULT (SYSDATETIMEOFFSET()),
    CONSTRAINT PK_load_log PRIMARY KEY (log_id)
);
GO
