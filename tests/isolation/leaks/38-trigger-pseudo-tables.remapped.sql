CREATE TRIGGER poc_etl.trg_brokers ON poc_etl.stg_brokers AFTER DELETE AS
BEGIN
    INSERT INTO poc_etl.deleted_brokers (id) SELECT id FROM deleted
END
