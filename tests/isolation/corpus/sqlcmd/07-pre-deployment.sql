/* Pre-Deployment: keep data of a column that the deployment drops */
IF COL_LENGTH('dbo.Policies', 'LegacyRef') IS NOT NULL
BEGIN
    PRINT 'saving dbo.Policies.LegacyRef'
    IF OBJECT_ID('etl.PolicyLegacyRef') IS NULL
        SELECT PolicyId, LegacyRef INTO etl.PolicyLegacyRef FROM dbo.Policies WHERE LegacyRef IS NOT NULL
END
GO
