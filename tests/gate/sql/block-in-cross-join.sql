/*
    12-score-broker-pairs.sql
    Stages a marker row, copies it to production, then scores every combination of seven
    brokers from the feed: about 10^12 rows, far longer than any test waits. The tests
    stop this step with a signal while the SELECT runs.
*/
SET NOCOUNT ON;

INSERT INTO etl.stg_regions (region, brokers) VALUES (N'Marker', 1);
INSERT INTO dbo.RegionTotals (Region, Brokers) VALUES (N'Marker', 1);

SELECT COUNT(*) AS pairs
FROM raw.broker_feed AS a
CROSS JOIN raw.broker_feed AS b
CROSS JOIN raw.broker_feed AS c
CROSS JOIN raw.broker_feed AS d
CROSS JOIN raw.broker_feed AS e
CROSS JOIN raw.broker_feed AS f
CROSS JOIN raw.broker_feed AS g;
GO
