INSERT INTO Brokers (id) SELECT id FROM etl.stg_brokers;
