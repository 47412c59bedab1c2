SELECT 'one
GO
two' AS txt FROM poc_etl.stg_brokers
GO
SELECT 1 FROM poc_dbo.Brokers
