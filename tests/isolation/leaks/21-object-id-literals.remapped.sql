IF OBJECT_ID('poc_etl.stg_brokers', 'U') IS NOT NULL DROP TABLE poc_etl.stg_brokers;
IF OBJECT_ID(N'[poc_dbo].[Brokers]') IS NULL PRINT 'missing';
