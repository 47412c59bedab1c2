IF EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'sbx_stage' AND TABLE_NAME = 'Policies')
   AND (SELECT COUNT(*) FROM sbx_stage.Policies) > 0
    EXEC sbx_etl.usp_LoadPolicies;
IF EXISTS (SELECT 1 FROM sys.tables t WHERE t.name = 'Brokers' AND t.schema_id = SCHEMA_ID('sbx_dbo'))
    PRINT 'found';
SELECT s.name, t.name FROM sys.tables t INNER JOIN sys.schemas s ON s.schema_id = t.schema_id WHERE s.name IN ('sbx_dbo', 'sbx_dw');
