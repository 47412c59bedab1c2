CREATE TRIGGER dw.trg_vBrokers_Insert ON dw.vBrokers
INSTEAD OF INSERT
AS
BEGIN
    INSERT INTO dw.DimBroker (BrokerCode, BrokerName, ValidFrom, IsCurrent)
    SELECT i.BrokerCode, i.BrokerName, SYSUTCDATETIME(), 1 FROM inserted AS i;
END
GO
