SELECT etl.stg_brokers.id FROM etl.stg_brokers;
