SELECT [a] FROM [poc_etl].[stg_brokers];
