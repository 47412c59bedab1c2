EXEC poc_etl.load_brokers @batch = 1;
SELECT * FROM poc_etl.fn_active(1) AS f;
