EXEC sp_rename N'dbo.Brokers_old', N'Brokers_archive';
EXEC sp_rename N'dbo.Brokers.broker_nm', N'broker_name', N'COLUMN';
EXEC sp_refreshview 'dbo.v_brokers';
EXEC sp_refreshsqlmodule @name = N'etl.load_brokers';
