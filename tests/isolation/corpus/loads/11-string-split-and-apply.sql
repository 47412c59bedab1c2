SELECT b.BrokerCode, s.value AS Tag
FROM dbo.Brokers AS b
CROSS APPLY STRING_SPLIT(b.Tags, ',') AS s
OUTER APPLY (SELECT TOP (1) p.PolicyNumber FROM dbo.Policies p WHERE p.BrokerId = b.BrokerId ORDER BY p.InceptionDate DESC) AS lastPolicy
WHERE s.value <> '';
