DECLARE @proc sysname = N'etl.usp_LoadBrokers';
EXEC @proc;
DECLARE @rc INT;
EXEC @rc = etl.usp_LoadPolicies;
