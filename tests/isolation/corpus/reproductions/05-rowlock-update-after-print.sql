IF 1 = 1
BEGIN PRINT 'updating' UPDATE dbo.Brokers WITH (ROWLOCK) SET name = 'x' WHERE id = 1 END
