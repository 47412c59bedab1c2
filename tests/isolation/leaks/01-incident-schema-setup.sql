IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'etl')
    DROP SCHEMA [etl];
CREATE SCHEMA [etl];
