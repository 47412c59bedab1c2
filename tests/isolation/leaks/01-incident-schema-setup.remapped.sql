IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'poc_etl')
    DROP SCHEMA [poc_etl];
CREATE SCHEMA [poc_etl];
