IF OBJECT_ID(N'dbo.PolicyStatus', N'U') IS NOT NULL
BEGIN
    IF OBJECTPROPERTY(OBJECT_ID(N'dbo.PolicyStatus'), N'TableTemporalType') = 2
        ALTER TABLE dbo.PolicyStatus SET (SYSTEM_VERSIONING = OFF);
    DROP TABLE dbo.PolicyStatus;
    DROP TABLE IF EXISTS dbo.PolicyStatusHistory;
END
GO
