-- Constant dynamic SQL in an N'' string, already naming the sandbox: no false alarm.
IF SCHEMA_ID(N'poc_etl') IS NULL
    EXEC (N'CREATE SCHEMA poc_etl');
GO
EXECUTE (N'INSERT INTO poc_etl.notes (txt) VALUES (N''loaded'')');
GO
