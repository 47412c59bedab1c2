GRANT SELECT ON SCHEMA::poc_etl TO reporting;
ALTER AUTHORIZATION ON SCHEMA::poc_raw_data TO dbo;
