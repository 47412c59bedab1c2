USE Insurance;
SELECT 1 FROM etl.stg_brokers;
