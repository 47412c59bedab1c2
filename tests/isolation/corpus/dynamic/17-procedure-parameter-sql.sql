-- A procedure's parameter comes from its callers: never constant, whatever its default.
CREATE PROCEDURE etl.usp_run_text
    @sql NVARCHAR(MAX) = N'DELETE FROM etl.stg_policies'
AS
BEGIN
    EXEC sp_executesql @sql;
    DECLARE @own NVARCHAR(MAX) = N'DELETE FROM etl.stg_claims';
    EXEC sp_executesql @own;
END
