CREATE SCHEMA IF NOT EXISTS etl;
CREATE TABLE etl.etl_run_state (run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP, status VARCHAR NOT NULL, scale VARCHAR, steps_total INT NOT NULL, steps_completed INT NOT NULL, error_text VARCHAR);
CREATE TABLE etl.etl_step_state (run_id VARCHAR NOT NULL, step_number INT NOT NULL, phase VARCHAR NOT NULL, script VARCHAR NOT NULL, status VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP, duration_ms INT, rows_affected BIGINT, error_text VARCHAR, PRIMARY KEY (run_id, step_number));
