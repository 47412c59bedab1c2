INSERT INTO poc_dbo.Brokers (id) SELECT id FROM poc_etl.stg_brokers;
