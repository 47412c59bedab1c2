CREATE FUNCTION dbo.fn_PoliciesOfBroker (@BrokerId INT)
RETURNS TABLE
AS
RETURN
(
    SELECT PolicyId, PolicyNumber, AnnualPremium FROM dbo.Policies WHERE BrokerId = @BrokerId
);
GO
SELECT b.BrokerCode, p.PolicyNumber
FROM dbo.Brokers b CROSS APPLY dbo.fn_PoliciesOfBroker(b.BrokerId) AS p;
GO
