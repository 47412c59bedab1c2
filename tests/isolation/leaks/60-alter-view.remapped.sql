ALTER VIEW poc_etl.v_policies AS SELECT id, broker_id FROM poc_etl.stg_policies;
