WITH recent AS (SELECT id FROM raw_data.policies)
INSERT INTO etl.stg_policies (id) SELECT id FROM recent;
