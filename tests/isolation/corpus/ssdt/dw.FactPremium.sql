CREATE TABLE [dw].[FactPremium] (
    [DateKey]       INT            NOT NULL,
    [PolicyKey]     BIGINT         NOT NULL,
    [BrokerKey]     INT            NOT NULL,
    [PremiumAmount] DECIMAL (18, 2) NOT NULL,
    [CommissionAmount] DECIMAL (18, 2) NOT NULL,
    CONSTRAINT [FK_FactPremium_DimDate] FOREIGN KEY ([DateKey]) REFERENCES [dw].[DimDate] ([DateKey]),
    CONSTRAINT [FK_FactPremium_DimBroker] FOREIGN KEY ([BrokerKey]) REFERENCES [dw].[DimBroker] ([BrokerKey])
);
GO
CREATE NONCLUSTERED INDEX [IX_FactPremium_BrokerKey] ON [dw].[FactPremium] ([BrokerKey]) INCLUDE ([PremiumAmount]);
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'Written premium by day, policy and broker.', @level0type = N'SCHEMA', @level0name = N'dw', @level1type = N'TABLE', @level1name = N'FactPremium';
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'dw.DimBroker surrogate key.', @level0type = N'SCHEMA', @level0name = N'dw', @level1type = N'TABLE', @level1name = N'FactPremium', @level2type = N'COLUMN', @level2name = N'BrokerKey';
GO
