DROP TABLE IF EXISTS poc_etl.stg_groups;
