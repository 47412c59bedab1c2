-- reads etl.stg_brokers and [etl]
/* DROP SCHEMA [etl] */
SELECT 'etl.stg_brokers' AS label, 'etl' AS schema_label FROM poc_etl.stg_brokers;
