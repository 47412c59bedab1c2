SELECT p.PolicyNumber, b.BrokerName, r.RegionName
FROM dbo.Policies p, dbo.Brokers b, Regions r
WHERE b.BrokerId = p.BrokerId AND r.RegionId = b.RegionId;
