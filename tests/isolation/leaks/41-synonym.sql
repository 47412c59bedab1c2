CREATE SYNONYM etl.brokers FOR dbo.Brokers;
