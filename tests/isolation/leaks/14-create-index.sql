CREATE INDEX ix_policies ON etl.stg_policies (broker_id);
