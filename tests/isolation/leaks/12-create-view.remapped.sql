CREATE VIEW poc_etl.v_brokers AS SELECT id FROM poc_dbo.Brokers;
