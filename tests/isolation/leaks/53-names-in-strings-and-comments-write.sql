-- copies etl.stg_brokers into dbo.Brokers? no: only a note is written
/* TRUNCATE TABLE [etl].[stg_brokers] */
INSERT INTO etl.notes (txt) VALUES ('etl.stg_brokers'), ('[dbo].[Brokers]'), ('DROP SCHEMA etl');
