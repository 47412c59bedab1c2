EXEC usp_NextPolicyNumber @Number = NULL;
EXECUTE sp_help 'dbo.Policies';
EXEC sp_spaceused N'Brokers';
EXEC xp_logevent 60000, 'load finished', informational;
