SELECT * FROM [poc_etl].[stg_brokers];
