DELETE poc_dbo.Brokers WHERE id < 0;
DELETE poc_dbo.Brokers WHERE id = 3;
