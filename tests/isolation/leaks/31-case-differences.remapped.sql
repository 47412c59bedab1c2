SELECT * FROM poc_etl.Stg_Brokers JOIN [poc_raw_data].brokers b ON 1 = 1;
