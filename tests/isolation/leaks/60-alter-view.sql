ALTER VIEW etl.v_policies AS SELECT id, broker_id FROM etl.stg_policies;
