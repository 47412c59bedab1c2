DROP TABLE IF EXISTS sbx_dw.FactPremiumPartitioned;
GO
IF EXISTS (SELECT 1 FROM sys.partition_schemes WHERE name = 'ps_premium_year')
    DROP PARTITION SCHEME ps_premium_year;
IF EXISTS (SELECT 1 FROM sys.partition_functions WHERE name = 'pf_premium_year')
    DROP PARTITION FUNCTION pf_premium_year;
GO
