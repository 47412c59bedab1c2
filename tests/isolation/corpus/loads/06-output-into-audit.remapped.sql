DELETE FROM sbx_dbo.Policies
OUTPUT deleted.PolicyId, deleted.PolicyNumber, SYSUTCDATETIME() INTO sbx_audit.DeletedPolicies (PolicyId, PolicyNumber, DeletedAt)
WHERE ExpiryDate < DATEADD(YEAR, -10, GETDATE());
UPDATE sbx_dbo.Brokers SET IsActive = 0
OUTPUT inserted.BrokerId INTO sbx_audit.DeactivatedBrokers (BrokerId)
WHERE BrokerId NOT IN (SELECT BrokerId FROM sbx_dbo.Policies);
