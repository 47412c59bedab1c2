CREATE TABLE [dw].[DimBroker]
(
    [BrokerKey]     INT IDENTITY(1,1) NOT NULL,
    [BrokerCode]    NVARCHAR(20)      NOT NULL,
    [BrokerName]    NVARCHAR(200)     NOT NULL,
    [RegionName]    NVARCHAR(100)     NULL,
    [ValidFrom]     DATETIME2(0)      NOT NULL,
    [ValidTo]       DATETIME2(0)      NULL,
    [IsCurrent]     BIT               NOT NULL,
    CONSTRAINT [PK_DimBroker] PRIMARY KEY CLUSTERED ([BrokerKey] ASC)
)
GO
CREATE NONCLUSTERED INDEX [IX_DimBroker_BrokerCode_Current]
    ON [dw].[DimBroker]([BrokerCode] ASC)
    WHERE ([IsCurrent] = (1));
GO
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Broker dimension, type 2 history.', @level0type = N'SCHEMA', @level0name = N'dw', @level1type = N'TABLE', @level1name = N'DimBroker';
GO
