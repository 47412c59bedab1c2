PRINT 'Calling etl.usp_LoadBrokers'
EXEC sbx_etl.usp_LoadBrokers @RunId = NULL
PRINT 'Calling etl.usp_LoadPolicies' EXEC sbx_etl.usp_LoadPolicies
