CREATE OR ALTER VIEW dw.vBrokerPremium
AS
WITH premium AS (
    SELECT BrokerKey, SUM(PremiumAmount) AS Premium FROM dw.FactPremium GROUP BY BrokerKey
)
SELECT b.BrokerName, p.Premium
FROM premium AS p
JOIN dw.DimBroker AS b ON b.BrokerKey = p.BrokerKey AND b.IsCurrent = 1;
GO
