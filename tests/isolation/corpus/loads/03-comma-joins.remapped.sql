SELECT p.PolicyNumber, b.BrokerName, r.RegionName
FROM sbx_dbo.Policies p, sbx_dbo.Brokers b, sbx_dbo.Regions r
WHERE b.BrokerId = p.BrokerId AND r.RegionId = b.RegionId;
