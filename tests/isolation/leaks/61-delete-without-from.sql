DELETE dbo.Brokers WHERE id < 0;
DELETE Brokers WHERE id = 3;
