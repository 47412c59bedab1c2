EXEC sp_rename N'sbx_dbo.Brokers_old', N'Brokers_archive';
EXEC sp_rename N'sbx_dbo.Brokers.broker_nm', N'broker_name', N'COLUMN';
EXEC sp_refreshview 'sbx_dbo.v_brokers';
EXEC sp_refreshsqlmodule @name = N'sbx_etl.load_brokers';
