INSERT INTO etl.stg_brokers (id, name)
SELECT id, name FROM raw_data.brokers
SELECT COUNT(*) FROM etl.stg_brokers
