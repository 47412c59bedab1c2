SELECT ps.PolicyId, ps.Status, ps.ValidFrom, ps.ValidTo
FROM dbo.PolicyStatus FOR SYSTEM_TIME AS OF '2024-06-30T23:59:59' AS ps
JOIN dbo.Policies p ON p.PolicyId = ps.PolicyId
WHERE p.ProductCode = 'MOTOR';
SELECT COUNT(*) FROM dbo.PolicyStatus FOR SYSTEM_TIME ALL WHERE PolicyId = 42;
SELECT * FROM dbo.PolicyStatus FOR SYSTEM_TIME BETWEEN '2024-01-01' AND '2024-12-31';
