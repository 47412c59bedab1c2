MERGE INTO poc_dbo.Brokers AS tgt
USING poc_etl.stg_brokers AS src ON tgt.id = src.id
WHEN NOT MATCHED THEN INSERT (id, name) VALUES (src.id, src.name);
