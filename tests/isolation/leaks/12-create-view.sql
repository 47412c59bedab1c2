CREATE VIEW etl.v_brokers AS SELECT id FROM dbo.Brokers;
