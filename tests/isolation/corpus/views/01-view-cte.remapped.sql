CREATE OR ALTER VIEW sbx_dw.vBrokerPremium
AS
WITH premium AS (
    SELECT BrokerKey, SUM(PremiumAmount) AS Premium FROM sbx_dw.FactPremium GROUP BY BrokerKey
)
SELECT b.BrokerName, p.Premium
FROM premium AS p
JOIN sbx_dw.DimBroker AS b ON b.BrokerKey = p.BrokerKey AND b.IsCurrent = 1;
GO
