CREATE PROCEDURE poc_etl.load_brokers AS
BEGIN
    SET NOCOUNT ON
    INSERT INTO poc_dbo.Brokers (id) SELECT id FROM poc_etl.stg_brokers
END
