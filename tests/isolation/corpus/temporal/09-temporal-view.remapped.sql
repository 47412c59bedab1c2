CREATE OR ALTER VIEW sbx_dw.vPolicyStatusAsOfMonthEnd
AS
WITH month_ends AS (
    SELECT EOMONTH([Date]) AS MonthEnd FROM sbx_dw.DimDate GROUP BY EOMONTH([Date])
)
SELECT m.MonthEnd, COUNT(*) AS ActivePolicies
FROM month_ends m
CROSS APPLY (
    SELECT PolicyId FROM sbx_dbo.PolicyStatus FOR SYSTEM_TIME AS OF CAST(m.MonthEnd AS DATETIME2) ps
    WHERE ps.Status = 'active'
) a
GROUP BY m.MonthEnd;
GO
