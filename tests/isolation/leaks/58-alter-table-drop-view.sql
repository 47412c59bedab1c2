ALTER TABLE etl.stg_policies ADD note NVARCHAR(50) NULL;
ALTER TABLE [dbo].[Brokers] DROP COLUMN a;
DROP VIEW [raw_data].[v_brokers];
