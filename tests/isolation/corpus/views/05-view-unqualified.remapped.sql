CREATE VIEW sbx_dbo.vPolicySummary AS
SELECT ProductCode, COUNT(*) AS Policies, SUM(AnnualPremium) AS Premium
FROM sbx_dbo.Policies
GROUP BY ProductCode
GO
SELECT * FROM sbx_dbo.vPolicySummary
GO
