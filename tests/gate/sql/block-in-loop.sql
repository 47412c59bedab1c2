/*
    12-score-broker-pairs.sql
    Stages a marker row, copies it to production, then touches it again and again in an
    endless loop of short statements. The tests stop this step with a signal, which then
    lands between statements as often as inside one.
*/
SET NOCOUNT ON;

INSERT INTO etl.stg_regions (region, brokers) VALUES (N'Marker', 1);
INSERT INTO dbo.RegionTotals (Region, Brokers) VALUES (N'Marker', 1);

DECLARE @round INT = 0;
WHILE @round >= 0
BEGIN
    UPDATE etl.stg_regions SET brokers = brokers + 1 WHERE region = N'Marker';
    SET @round = @round + 1;
END
GO
