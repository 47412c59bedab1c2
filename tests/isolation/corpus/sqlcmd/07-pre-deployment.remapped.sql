/* Pre-Deployment: keep data of a column that the deployment drops */
IF COL_LENGTH('sbx_dbo.Policies', 'LegacyRef') IS NOT NULL
BEGIN
    PRINT 'saving dbo.Policies.LegacyRef'
    IF OBJECT_ID('sbx_etl.PolicyLegacyRef') IS NULL
        SELECT PolicyId, LegacyRef INTO sbx_etl.PolicyLegacyRef FROM sbx_dbo.Policies WHERE LegacyRef IS NOT NULL
END
GO
