IF SCHEMA_ID(N'poc_etl') IS NULL
    EXEC(N'CREATE SCHEMA [poc_etl]');
PRINT 'setting up'
GO
PRINT 'inserting'
INSERT INTO poc_etl.t (id) VALUES (1), (2);
GO 3
-- a comment that says GO
PRINT 'done'
go
