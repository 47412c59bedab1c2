CREATE INDEX ix_policies ON poc_etl.stg_policies (broker_id);
