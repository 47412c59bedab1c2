IF OBJECT_ID(N'sbx_dbo.PolicyStatus', N'U') IS NOT NULL
BEGIN
    IF OBJECTPROPERTY(OBJECT_ID(N'sbx_dbo.PolicyStatus'), N'TableTemporalType') = 2
        ALTER TABLE sbx_dbo.PolicyStatus SET (SYSTEM_VERSIONING = OFF);
    DROP TABLE sbx_dbo.PolicyStatus;
    DROP TABLE IF EXISTS sbx_dbo.PolicyStatusHistory;
END
GO
