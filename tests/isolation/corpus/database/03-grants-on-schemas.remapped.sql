GRANT SELECT ON SCHEMA::[sbx_dw] TO [warehouse_reader];
GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::sbx_stage TO etl_loader;
GRANT EXECUTE ON SCHEMA::sbx_etl TO etl_loader WITH GRANT OPTION;
DENY DELETE ON OBJECT::sbx_dbo.Policies TO warehouse_reader;
REVOKE INSERT ON sbx_dbo.Brokers FROM etl_loader;
GRANT VIEW DEFINITION ON SCHEMA::sbx_audit TO [warehouse_reader];
GO
