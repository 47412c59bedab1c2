/*
    00-schemas.sql
    The working schema of the nightly billing load. landing (filled by the extract) and
    billing (production) already exist.
*/
SET NOCOUNT ON;
GO

IF SCHEMA_ID(N'stage') IS NULL
    EXEC(N'CREATE SCHEMA stage');
GO
