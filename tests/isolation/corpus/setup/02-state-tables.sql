IF OBJECT_ID('etl.etl_run_state', 'U') IS NULL
CREATE TABLE etl.etl_run_state (
    run_id      INT IDENTITY(1,1) PRIMARY KEY,
    started_at  DATETIME2 NOT NULL DEFAULT SYSUTCDATETIME(),
    finished_at DATETIME2 NULL,
    status      VARCHAR(20) NOT NULL DEFAULT 'running'
);
IF OBJECT_ID('etl.etl_step_state', 'U') IS NULL
CREATE TABLE etl.etl_step_state (
    run_id    INT NOT NULL REFERENCES etl.etl_run_state (run_id),
    step_name VARCHAR(200) NOT NULL,
    status    VARCHAR(20) NOT NULL,
    PRIMARY KEY (run_id, step_name)
);
