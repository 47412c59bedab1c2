SELECT sbx_dbo.Policies.PolicyNumber, sbx_dbo.Brokers.BrokerName
FROM sbx_dbo.Policies
JOIN sbx_dbo.Brokers ON sbx_dbo.Brokers.BrokerId = sbx_dbo.Policies.BrokerId;
