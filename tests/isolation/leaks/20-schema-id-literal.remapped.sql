IF SCHEMA_ID('poc_raw_data') IS NULL EXEC('CREATE SCHEMA poc_raw_data');
