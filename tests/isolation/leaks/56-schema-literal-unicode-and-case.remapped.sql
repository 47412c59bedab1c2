IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = N'poc_raw_data')
    EXEC('CREATE SCHEMA [poc_raw_data]');
