SELECT * INTO poc_etl.tmp_copy FROM poc_raw_data.policies;
