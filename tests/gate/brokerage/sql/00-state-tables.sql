/*
    00-state-tables.sql
    The load's own bookkeeping: one row a run, one row a step.
*/
SET NOCOUNT ON;
GO

IF SCHEMA_ID(N'etl') IS NULL
    EXEC(N'CREATE SCHEMA etl');
GO

IF OBJECT_ID(N'etl.etl_run_state', N'U') IS NULL
    CREATE TABLE etl.etl_run_state (
        run_id          NVARCHAR(40)   NOT NULL,
        started_at      DATETIME2      NOT NULL,
        finished_at     DATETIME2      NULL,
        status          NVARCHAR(20)   NOT NULL,
        scale           NVARCHAR(20)   NULL,
        steps_total     INT            NOT NULL,
        steps_completed INT            NOT NULL,
        error_text      NVARCHAR(MAX)  NULL,
        CONSTRAINT PK_etl_run_state PRIMARY KEY (run_id)
    );
GO

IF OBJECT_ID(N'etl.etl_step_state', N'U') IS NULL
    CREATE TABLE etl.etl_step_state (
        run_id        NVARCHAR(40)   NOT NULL,
        step_number   INT            NOT NULL,
        phase         NVARCHAR(40)   NOT NULL,
        script        NVARCHAR(200)  NOT NULL,
        status        NVARCHAR(20)   NOT NULL,
        started_at    DATETIME2      NOT NULL,
        finished_at   DATETIME2      NULL,
        duration_ms   INT            NULL,
        rows_affected BIGINT         NULL,
        error_text    NVARCHAR(MAX)  NULL,
        CONSTRAINT PK_etl_step_state PRIMARY KEY (run_id, step_number)
    );
GO
