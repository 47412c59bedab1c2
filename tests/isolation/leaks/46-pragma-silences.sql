-- etlcheck: allow archive is read by the nightly job only
SELECT * FROM Archive.dbo.Brokers;
