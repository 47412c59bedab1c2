-- The statement lives in a variable that only ever holds constant text: remapped, proven.
DECLARE @sql NVARCHAR(MAX) = N'TRUNCATE TABLE sbx_etl.stg_policies;', @count INT;
EXEC sp_executesql @sql;
IF @count IS NULL
    SET @sql = N'SELECT @n = COUNT(*) FROM sbx_dw.FactPolicy WHERE LoadId = @load';
ELSE
    SET @sql = N'SELECT @n = COUNT(*) FROM [sbx_dw].[FactPolicy]';
PRINT @sql;
EXEC [sys].[sp_executesql] @stmt = @sql, @params = N'@load INT, @n INT OUTPUT', @load = 7, @n = @count OUTPUT;
DECLARE @drop NVARCHAR(200);
SET @drop = N'DROP TABLE IF EXISTS sbx_stage.policy_delta';
EXEC (@drop);
INSERT INTO sbx_audit.row_counts (n) EXEC (@drop);
