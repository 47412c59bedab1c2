INSERT INTO poc_etl.stg_brokers (id, name)
SELECT id, name FROM poc_raw_data.brokers
SELECT COUNT(*) FROM poc_etl.stg_brokers
