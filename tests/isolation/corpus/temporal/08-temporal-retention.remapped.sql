ALTER TABLE sbx_dbo.PolicyStatus
SET (SYSTEM_VERSIONING = ON (HISTORY_TABLE = sbx_dbo.PolicyStatusHistory, HISTORY_RETENTION_PERIOD = 6 MONTHS));
GO
SELECT t.name, t.history_retention_period, t.history_retention_period_unit_desc
FROM sys.tables t WHERE t.temporal_type = 2 AND SCHEMA_NAME(t.schema_id) = 'sbx_dbo';
GO
