TRUNCATE TABLE poc_etl.stg_policies;
