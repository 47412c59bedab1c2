IF NOT EXISTS (SELECT 1 FROM sys.partition_functions WHERE name = N'pf_premium_year')
    CREATE PARTITION FUNCTION [pf_premium_year] (INT)
        AS RANGE RIGHT FOR VALUES (20220101, 20230101, 20240101, 20250101);
GO
IF NOT EXISTS (SELECT 1 FROM sys.partition_schemes WHERE name = N'ps_premium_year')
    CREATE PARTITION SCHEME [ps_premium_year] AS PARTITION [pf_premium_year] ALL TO ([PRIMARY]);
GO
