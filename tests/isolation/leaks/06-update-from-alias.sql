UPDATE b SET b.name = r.name
FROM etl.stg_brokers AS b
JOIN raw_data.brokers r ON r.id = b.id;
