SELECT * FROM [etl ].[stg_brokers];
