IF OBJECT_ID('etl.stg_brokers', 'U') IS NOT NULL DROP TABLE etl.stg_brokers;
IF OBJECT_ID(N'[dbo].[Brokers]') IS NULL PRINT 'missing';
