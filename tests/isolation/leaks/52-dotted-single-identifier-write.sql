CREATE TABLE [etl.audit] (id INT);
INSERT INTO [etl.audit] (id) SELECT id FROM [etl].[stg_brokers];
