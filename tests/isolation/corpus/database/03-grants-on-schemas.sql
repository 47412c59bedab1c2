GRANT SELECT ON SCHEMA::[dw] TO [warehouse_reader];
GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::stage TO etl_loader;
GRANT EXECUTE ON SCHEMA::etl TO etl_loader WITH GRANT OPTION;
DENY DELETE ON OBJECT::dbo.Policies TO warehouse_reader;
REVOKE INSERT ON dbo.Brokers FROM etl_loader;
GRANT VIEW DEFINITION ON SCHEMA::audit TO [warehouse_reader];
GO
