SELECT dbo.Policies.PolicyNumber, dbo.Brokers.BrokerName
FROM dbo.Policies
JOIN dbo.Brokers ON dbo.Brokers.BrokerId = dbo.Policies.BrokerId;
