DELETE FROM dbo.Brokers WHERE id < 0;
