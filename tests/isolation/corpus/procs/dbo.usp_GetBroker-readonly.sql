CREATE PROCEDURE dbo.usp_GetBroker
    @BrokerCode NVARCHAR(20)
AS
SET NOCOUNT ON
SELECT b.BrokerId, b.BrokerName, r.RegionName, c.CurrencyName
FROM dbo.Brokers b
LEFT JOIN dbo.Regions r ON r.RegionId = b.RegionId
CROSS JOIN ref.Currency c
WHERE b.BrokerCode = @BrokerCode AND c.CurrencyCode = 'EUR'
GO
