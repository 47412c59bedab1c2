SELECT pol.PolicyNumber, brk.BrokerName
FROM sbx_dbo.Policies pol
JOIN sbx_dbo.Brokers brk ON brk.BrokerId = pol.BrokerId
LEFT OUTER JOIN sbx_stage.Claims clm ON clm.PolicyNumber = pol.PolicyNumber
WHERE clm.ClaimNumber IS NULL;
UPDATE brk SET IsActive = 1 FROM sbx_dbo.Brokers brk JOIN sbx_dbo.Policies pol ON pol.BrokerId = brk.BrokerId;
