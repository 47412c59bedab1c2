SELECT b.BrokerCode, s.value AS Tag
FROM sbx_dbo.Brokers AS b
CROSS APPLY STRING_SPLIT(b.Tags, ',') AS s
OUTER APPLY (SELECT TOP (1) p.PolicyNumber FROM sbx_dbo.Policies p WHERE p.BrokerId = b.BrokerId ORDER BY p.InceptionDate DESC) AS lastPolicy
WHERE s.value <> '';
