SELECT p.BrokerId,
       SUM(p.AnnualPremium) OVER (PARTITION BY p.BrokerId ORDER BY p.InceptionDate ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS RunningPremium,
       LAG(p.AnnualPremium) OVER (PARTITION BY p.BrokerId ORDER BY p.InceptionDate) AS PreviousPremium
INTO stage.BrokerPremiumTrend
FROM dbo.Policies AS p
ORDER BY p.BrokerId OFFSET 0 ROWS FETCH NEXT 100000 ROWS ONLY;
