DROP INDEX ix_policies ON etl.stg_policies;
