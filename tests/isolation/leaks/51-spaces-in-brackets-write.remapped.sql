DELETE FROM [poc_etl].[stg_brokers] WHERE id < 0;
INSERT INTO [poc_raw_data].[policies] (id, broker_id) VALUES (12, 3);
