IF 1 = 1 BEGIN PRINT 'x'; END DELETE FROM sbx_dbo.Brokers
