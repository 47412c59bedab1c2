/*
    21-export-region-totals.sql
    dbo.RegionTotals is rebuilt from the brokers production now holds.
*/
SET NOCOUNT ON;

DELETE FROM dbo.RegionTotals;

INSERT INTO dbo.RegionTotals (Region, Brokers)
SELECT Region, COUNT(*) FROM dbo.Brokers GROUP BY Region;
GO
