INSERT INTO [poc_etl].[Stg_Brokers] (id, name) SELECT id, name FROM poc_raw_data.Brokers WHERE id > 2;
IF OBJECT_ID('poc_etl.STG_POLICIES', 'U') IS NOT NULL DELETE FROM poc_etl.Stg_Policies;
