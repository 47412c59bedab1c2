IF OBJECT_ID(N'sbx_dw.vBrokers') IS NULL
    EXEC (N'CREATE VIEW sbx_dw.vBrokers AS SELECT BrokerKey, BrokerName FROM sbx_dw.DimBroker WHERE IsCurrent = 1');
GO
