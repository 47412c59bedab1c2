INSERT INTO etl.stg_brokers (id, name)
SELECT etl.id, etl.name FROM raw_data.brokers AS etl WHERE etl.id > 2;
