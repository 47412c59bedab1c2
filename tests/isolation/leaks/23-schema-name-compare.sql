SELECT t.name FROM sys.tables t
WHERE SCHEMA_NAME(t.schema_id) IN ('etl', 'raw_data');
