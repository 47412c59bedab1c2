EXEC etl.load_brokers @batch = 1;
SELECT * FROM etl.fn_active(1) AS f;
