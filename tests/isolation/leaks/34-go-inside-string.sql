SELECT 'one
GO
two' AS txt FROM etl.stg_brokers
GO
SELECT 1 FROM dbo.Brokers
