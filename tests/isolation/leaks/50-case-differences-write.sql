INSERT INTO [ETL].[Stg_Brokers] (id, name) SELECT id, name FROM Raw_Data.Brokers WHERE id > 2;
IF OBJECT_ID('ETL.STG_POLICIES', 'U') IS NOT NULL DELETE FROM Etl.Stg_Policies;
