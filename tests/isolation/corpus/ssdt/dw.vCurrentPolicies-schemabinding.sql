-- SSDT writes a view's attributes as a list: the view reads dw and stage, both remapped.
CREATE VIEW [dw].[vCurrentPolicies]
WITH SCHEMABINDING, VIEW_METADATA
AS
SELECT p.PolicyId, p.BrokerId, b.Name
FROM [dw].[FactPolicy] AS p
JOIN [stage].[Brokers] AS b ON b.BrokerId = p.BrokerId
WHERE p.IsCurrent = 1;
GO
