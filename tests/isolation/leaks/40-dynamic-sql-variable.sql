DECLARE @sql NVARCHAR(MAX) = N'DELETE FROM ' + @schema + N'.stg_brokers';
EXEC(@sql);
EXEC sp_executesql @sql;
