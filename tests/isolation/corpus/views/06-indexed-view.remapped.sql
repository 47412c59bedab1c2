CREATE VIEW sbx_dw.vPremiumByDate WITH SCHEMABINDING AS
SELECT DateKey, COUNT_BIG(*) AS Rows, SUM(PremiumAmount) AS Premium
FROM sbx_dw.FactPremium
GROUP BY DateKey;
GO
CREATE UNIQUE CLUSTERED INDEX UCX_vPremiumByDate ON sbx_dw.vPremiumByDate (DateKey);
GO
