/*
    11-stage-regions.sql
    Brokers per region, from the staged feed.
*/
SET NOCOUNT ON;

DELETE FROM etl.stg_regions;

INSERT INTO etl.stg_regions (region, brokers)
SELECT region, COUNT(*) FROM etl.stg_brokers GROUP BY region;
GO
