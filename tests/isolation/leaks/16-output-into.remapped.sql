DELETE FROM poc_etl.stg_brokers
OUTPUT deleted.id INTO poc_etl.deleted_log (id)
WHERE id < 0;
