/*
    00a-state-management-tables.sql
    Run-state tables for the insurance load. The runner writes one row per run into
    etl.etl_run_state and one row per step into etl.etl_step_state.
    Both survive schema setup: 00-schema-setup.sql never drops them.
*/
SET NOCOUNT ON;
GO

IF SCHEMA_ID('etl') IS NULL
    EXEC('CREATE SCHEMA etl');
GO

IF OBJECT_ID('etl.etl_run_state', 'U') IS NULL
BEGIN
    CREATE TABLE etl.etl_run_state (
        run_id          NVARCHAR(64)   NOT NULL PRIMARY KEY,
        started_at      DATETIME2      NOT NULL,
        finished_at     DATETIME2      NULL,
        status          NVARCHAR(20)   NOT NULL,
        scale           NVARCHAR(20)   NULL,
        steps_total     INT            NOT NULL,
        steps_completed INT            NOT NULL,
        error_text      NVARCHAR(MAX)  NULL
    );
    PRINT 'Created etl.etl_run_state';
END
ELSE
    PRINT 'etl.etl_run_state already exists';
GO

IF OBJECT_ID('etl.etl_step_state', 'U') IS NULL
BEGIN
    CREATE TABLE etl.etl_step_state (
        run_id        NVARCHAR(64)   NOT NULL,
        step_number   INT            NOT NULL,
        phase         NVARCHAR(50)   NOT NULL,
        script        NVARCHAR(260)  NOT NULL,
        status        NVARCHAR(20)   NOT NULL,
        started_at    DATETIME2      NOT NULL,
        finished_at   DATETIME2      NULL,
        duration_ms   INT            NULL,
        rows_affected BIGINT         NULL,
        error_text    NVARCHAR(MAX)  NULL,
        PRIMARY KEY (run_id, step_number)
    );
    PRINT 'Created etl.etl_step_state';
END
ELSE
    PRINT 'etl.etl_step_state already exists';
GO
