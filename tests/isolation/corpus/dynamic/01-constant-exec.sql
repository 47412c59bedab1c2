IF OBJECT_ID(N'dw.vBrokers') IS NULL
    EXEC (N'CREATE VIEW dw.vBrokers AS SELECT BrokerKey, BrokerName FROM dw.DimBroker WHERE IsCurrent = 1');
GO
