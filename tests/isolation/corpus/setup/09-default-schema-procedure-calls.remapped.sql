EXEC sbx_dbo.usp_NextPolicyNumber @Number = NULL;
EXECUTE sp_help 'sbx_dbo.Policies';
EXEC sp_spaceused N'sbx_dbo.Brokers';
EXEC xp_logevent 60000, 'load finished', informational;
