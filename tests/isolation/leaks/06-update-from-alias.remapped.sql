UPDATE b SET b.name = r.name
FROM poc_etl.stg_brokers AS b
JOIN poc_raw_data.brokers r ON r.id = b.id;
