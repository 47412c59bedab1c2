/*
    13-region-report.sql
    Region figures for the morning report.
*/
SET NOCOUNT ON;

UPDATE etl.stg_regions SET brokers = brokers WHERE region IS NOT NULL;
GO
