/*
    10-stage-brokers.sql
    raw.broker_feed -> etl.stg_brokers: rows without a name or a region are left out.
*/
SET NOCOUNT ON;

DELETE FROM [etl].[stg_brokers];

INSERT INTO [etl].[stg_brokers] (broker_id, broker_name, region, commission)
SELECT f.broker_id, LTRIM(RTRIM(f.broker_name)), f.region, ISNULL(f.commission, 0)
FROM [raw].[broker_feed] AS f
WHERE NULLIF(LTRIM(RTRIM(f.broker_name)), N'') IS NOT NULL
  AND NULLIF(f.region, N'') IS NOT NULL;

PRINT CONCAT(N'etl.stg_brokers: ', @@ROWCOUNT, N' rows');
GO
