INSERT INTO poc_etl.stg_brokers (id, name)
SELECT etl.id, etl.name FROM poc_raw_data.brokers AS etl WHERE etl.id > 2;
