-- Drop the nonclustered index and the hand-made statistics before a bulk load, then
-- re-create them: the older two-part forms name the table (default schema) and its index.
IF EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_Policies_BrokerId')
    DROP INDEX sbx_dbo.Policies.ix_Policies_BrokerId;
DROP INDEX sbx_dbo.Brokers.ix_Brokers_Code;
DROP STATISTICS sbx_dbo.Policies.st_Policies_Premium, sbx_etl.stg_policies.st_stg_premium;
DROP STATISTICS [sbx_dbo].[Brokers].[st_Brokers_Region];
GO
BULK INSERT sbx_etl.stg_policies FROM 'D:\loads\policies.csv' WITH (FIRSTROW = 2, TABLOCK);
GO
CREATE NONCLUSTERED INDEX ix_Policies_BrokerId ON sbx_dbo.Policies (BrokerId);
CREATE STATISTICS st_Policies_Premium ON sbx_dbo.Policies (Premium) WITH FULLSCAN;
UPDATE STATISTICS sbx_dbo.Policies st_Policies_Premium;
GO
