DECLARE @sql NVARCHAR(MAX) = N'DELETE FROM etl.stg_brokers WHERE a > 1';
EXEC sp_executesql @sql;
SET @sql = N'INSERT INTO etl.deleted_log (id) SELECT id FROM raw_data.brokers WHERE id > 2';
EXEC (@sql);
