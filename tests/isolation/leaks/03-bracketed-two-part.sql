SELECT [a] FROM [etl].[stg_brokers];
