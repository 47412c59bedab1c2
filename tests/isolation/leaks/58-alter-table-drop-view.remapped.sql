ALTER TABLE poc_etl.stg_policies ADD note NVARCHAR(50) NULL;
ALTER TABLE [poc_dbo].[Brokers] DROP COLUMN a;
DROP VIEW [poc_raw_data].[v_brokers];
