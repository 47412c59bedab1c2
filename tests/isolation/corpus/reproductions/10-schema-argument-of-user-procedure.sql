EXEC etl.truncate_schema 'dbo';
EXEC etl.copy_table @schema = N'dbo', @table = N'Brokers';
EXEC etl.copy_table @schema = etl, @table = N'stg_brokers';
