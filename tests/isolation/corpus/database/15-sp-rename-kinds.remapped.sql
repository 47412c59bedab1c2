-- sp_rename with each of its object types.
EXEC sp_rename 'sbx_etl.stg_brokers', 'stg_brokers_old';
EXEC sp_rename 'sbx_etl.stg_brokers_old.broker_code', 'code', 'COLUMN';
EXEC sp_rename N'sbx_etl.stg_brokers_old.ix_stg_brokers_code', N'ix_code', N'INDEX';
EXEC sp_rename 'sbx_etl.stg_brokers_old.st_code', 'st_broker_code', 'STATISTICS';
EXEC sp_rename N'sbx_dbo.PolicyNumber', N'PolicyNo', N'USERDATATYPE';
EXEC sp_rename @objname = N'sbx_etl.pk_stg_brokers', @newname = N'pk_brokers_old', @objtype = N'OBJECT';
EXEC sp_rename 'sbx_etl.stg_policies', 'stg_policies_prev', NULL;
GO
EXEC sp_rename 'Warehouse', 'Warehouse_Old', 'DATABASE';
GO
EXEC sp_rename @objname = N'etl', @newname = N'etl_old', @objtype = N'SCHEMA';
GO
