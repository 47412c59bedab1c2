PRINT 'Calling etl.usp_LoadBrokers'
EXEC etl.usp_LoadBrokers @RunId = NULL
PRINT 'Calling etl.usp_LoadPolicies' EXEC etl.usp_LoadPolicies
