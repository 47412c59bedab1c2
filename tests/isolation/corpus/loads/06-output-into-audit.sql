DELETE FROM dbo.Policies
OUTPUT deleted.PolicyId, deleted.PolicyNumber, SYSUTCDATETIME() INTO audit.DeletedPolicies (PolicyId, PolicyNumber, DeletedAt)
WHERE ExpiryDate < DATEADD(YEAR, -10, GETDATE());
UPDATE dbo.Brokers SET IsActive = 0
OUTPUT inserted.BrokerId INTO audit.DeactivatedBrokers (BrokerId)
WHERE BrokerId NOT IN (SELECT BrokerId FROM dbo.Policies);
