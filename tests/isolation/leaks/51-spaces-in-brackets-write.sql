DELETE FROM [etl ].[stg_brokers] WHERE id < 0;
INSERT INTO [raw_data  ].[policies] (id, broker_id) VALUES (12, 3);
