CREATE VIEW vPolicySummary AS
SELECT ProductCode, COUNT(*) AS Policies, SUM(AnnualPremium) AS Premium
FROM Policies
GROUP BY ProductCode
GO
SELECT * FROM vPolicySummary
GO
