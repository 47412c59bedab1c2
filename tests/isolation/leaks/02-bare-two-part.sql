SELECT a FROM etl.stg_brokers WHERE a > 1;
