CREATE TRIGGER sbx_dw.trg_vBrokers_Insert ON sbx_dw.vBrokers
INSTEAD OF INSERT
AS
BEGIN
    INSERT INTO sbx_dw.DimBroker (BrokerCode, BrokerName, ValidFrom, IsCurrent)
    SELECT i.BrokerCode, i.BrokerName, SYSUTCDATETIME(), 1 FROM inserted AS i;
END
GO
