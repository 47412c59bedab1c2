CREATE TABLE [poc_dbo].[etl.audit] (id INT);
INSERT INTO [poc_dbo].[etl.audit] (id) SELECT id FROM [poc_etl].[stg_brokers];
