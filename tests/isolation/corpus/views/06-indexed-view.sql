CREATE VIEW dw.vPremiumByDate WITH SCHEMABINDING AS
SELECT DateKey, COUNT_BIG(*) AS Rows, SUM(PremiumAmount) AS Premium
FROM dw.FactPremium
GROUP BY DateKey;
GO
CREATE UNIQUE CLUSTERED INDEX UCX_vPremiumByDate ON dw.vPremiumByDate (DateKey);
GO
