DROP TABLE IF EXISTS etl.stg_groups;
