DROP INDEX ix_policies ON poc_etl.stg_policies;
