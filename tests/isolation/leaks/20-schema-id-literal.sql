IF SCHEMA_ID('raw_data') IS NULL EXEC('CREATE SCHEMA raw_data');
