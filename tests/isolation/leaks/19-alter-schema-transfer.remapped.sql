ALTER SCHEMA poc_etl TRANSFER poc_dbo.Brokers;
