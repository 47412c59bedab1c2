/*
    00-schemas.sql
    The etl schema holds the run's staging tables, its log and its procedures.
*/
SET NOCOUNT ON;

IF SCHEMA_ID(N'etl') IS NULL
    EXEC(N'CREATE SCHEMA etl');
