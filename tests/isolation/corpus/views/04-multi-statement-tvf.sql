CREATE FUNCTION etl.fn_ActiveBrokers ()
RETURNS @result TABLE (BrokerId INT, BrokerName NVARCHAR(200))
AS
BEGIN
    INSERT INTO @result (BrokerId, BrokerName)
    SELECT BrokerId, BrokerName FROM dbo.Brokers WHERE IsActive = 1;
    RETURN;
END
GO
