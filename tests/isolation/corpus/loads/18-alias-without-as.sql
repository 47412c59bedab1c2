SELECT pol.PolicyNumber, brk.BrokerName
FROM dbo.Policies pol
JOIN dbo.Brokers brk ON brk.BrokerId = pol.BrokerId
LEFT OUTER JOIN stage.Claims clm ON clm.PolicyNumber = pol.PolicyNumber
WHERE clm.ClaimNumber IS NULL;
UPDATE brk SET IsActive = 1 FROM Brokers brk JOIN Policies pol ON pol.BrokerId = brk.BrokerId;
