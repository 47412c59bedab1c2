SELECT poc_etl.stg_brokers.id FROM poc_etl.stg_brokers;
