/*
    13-region-report.sql
    Region figures for the morning report (reads a view the reporting team has not
    deployed yet).
*/
SET NOCOUNT ON;

INSERT INTO etl.stg_regions (region, brokers)
SELECT r.region, r.brokers FROM etl.v_region_targets AS r
WHERE NOT EXISTS (SELECT 1 FROM etl.stg_regions AS s WHERE s.region = r.region);
GO
