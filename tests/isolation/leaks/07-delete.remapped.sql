DELETE FROM poc_dbo.Brokers WHERE id < 0;
