CREATE TRIGGER etl.trg_brokers ON etl.stg_brokers AFTER DELETE AS
BEGIN
    INSERT INTO etl.deleted_brokers (id) SELECT id FROM deleted
END
