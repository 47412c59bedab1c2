CREATE PROCEDURE etl.load_brokers AS
BEGIN
    SET NOCOUNT ON
    INSERT INTO dbo.Brokers (id) SELECT id FROM etl.stg_brokers
END
