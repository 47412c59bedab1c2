TRUNCATE TABLE etl.stg_policies;
