CREATE FUNCTION sbx_dbo.fn_PoliciesOfBroker (@BrokerId INT)
RETURNS TABLE
AS
RETURN
(
    SELECT PolicyId, PolicyNumber, AnnualPremium FROM sbx_dbo.Policies WHERE BrokerId = @BrokerId
);
GO
SELECT b.BrokerCode, p.PolicyNumber
FROM sbx_dbo.Brokers b CROSS APPLY sbx_dbo.fn_PoliciesOfBroker(b.BrokerId) AS p;
GO
