-- SSDT writes a view's attributes as a list: the view reads dw and stage, both remapped.
CREATE VIEW [sbx_dw].[vCurrentPolicies]
WITH SCHEMABINDING, VIEW_METADATA
AS
SELECT p.PolicyId, p.BrokerId, b.Name
FROM [sbx_dw].[FactPolicy] AS p
JOIN [sbx_stage].[Brokers] AS b ON b.BrokerId = p.BrokerId
WHERE p.IsCurrent = 1;
GO
