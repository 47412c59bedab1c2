DELETE FROM etl.stg_brokers
OUTPUT deleted.id INTO etl.deleted_log (id)
WHERE id < 0;
