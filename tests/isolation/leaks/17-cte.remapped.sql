WITH recent AS (SELECT id FROM poc_raw_data.policies)
INSERT INTO poc_etl.stg_policies (id) SELECT id FROM recent;
