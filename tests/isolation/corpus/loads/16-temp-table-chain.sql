SELECT BrokerId, SUM(AnnualPremium) AS Premium INTO #premium_by_broker FROM dbo.Policies GROUP BY BrokerId;
SELECT b.BrokerCode, t.Premium INTO #ranked FROM #premium_by_broker t JOIN dbo.Brokers b ON b.BrokerId = t.BrokerId;
UPDATE dw.DimBroker SET Premium = r.Premium FROM dw.DimBroker d JOIN #ranked r ON r.BrokerCode = d.BrokerCode;
DROP TABLE #premium_by_broker, #ranked;
