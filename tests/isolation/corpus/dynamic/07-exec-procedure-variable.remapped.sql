DECLARE @proc sysname = N'etl.usp_LoadBrokers';
EXEC @proc;
DECLARE @rc INT;
EXEC @rc = sbx_etl.usp_LoadPolicies;
