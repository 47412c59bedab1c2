SELECT t.name FROM sys.tables t
WHERE SCHEMA_NAME(t.schema_id) IN ('poc_etl', 'poc_raw_data');
