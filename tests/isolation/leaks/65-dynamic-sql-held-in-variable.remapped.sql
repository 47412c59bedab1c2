DECLARE @sql NVARCHAR(MAX) = N'DELETE FROM poc_etl.stg_brokers WHERE a > 1';
EXEC sp_executesql @sql;
SET @sql = N'INSERT INTO poc_etl.deleted_log (id) SELECT id FROM poc_raw_data.brokers WHERE id > 2';
EXEC (@sql);
