ALTER TABLE sbx_dbo.PolicyStatus SET (SYSTEM_VERSIONING = OFF);
GO
DELETE FROM sbx_dbo.PolicyStatusHistory WHERE ValidTo < DATEADD(YEAR, -7, SYSUTCDATETIME());
GO
ALTER TABLE sbx_dbo.PolicyStatus SET (SYSTEM_VERSIONING = ON (HISTORY_TABLE = sbx_dbo.PolicyStatusHistory));
GO
