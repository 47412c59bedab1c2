SELECT * FROM Archive.dbo.Brokers;
