EXEC sbx_etl.truncate_schema 'dbo';
EXEC sbx_etl.copy_table @schema = N'dbo', @table = N'Brokers';
EXEC sbx_etl.copy_table @schema = etl, @table = N'stg_brokers';
