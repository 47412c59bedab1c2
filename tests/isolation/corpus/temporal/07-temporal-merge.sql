MERGE [dbo].[PolicyStatus] AS tgt
USING (SELECT PolicyId, Status FROM [stage].[PolicyStatus]) AS src ON src.PolicyId = tgt.PolicyId
WHEN MATCHED AND tgt.Status <> src.Status THEN UPDATE SET tgt.Status = src.Status
WHEN NOT MATCHED BY TARGET THEN INSERT (PolicyId, Status) VALUES (src.PolicyId, src.Status)
WHEN NOT MATCHED BY SOURCE THEN DELETE;
