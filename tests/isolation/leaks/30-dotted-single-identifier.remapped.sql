SELECT * FROM [poc_dbo].[etl.stg_brokers];
