CREATE PROCEDURE sbx_dbo.usp_GetBroker
    @BrokerCode NVARCHAR(20)
AS
SET NOCOUNT ON
SELECT b.BrokerId, b.BrokerName, r.RegionName, c.CurrencyName
FROM sbx_dbo.Brokers b
LEFT JOIN sbx_dbo.Regions r ON r.RegionId = b.RegionId
CROSS JOIN ref.Currency c
WHERE b.BrokerCode = @BrokerCode AND c.CurrencyCode = 'EUR'
GO
