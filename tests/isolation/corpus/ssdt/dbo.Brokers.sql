CREATE TABLE [dbo].[Brokers] (
    [BrokerId]      INT            IDENTITY (1, 1) NOT NULL,
    [BrokerCode]    NVARCHAR (20)  NOT NULL,
    [BrokerName]    NVARCHAR (200) NOT NULL,
    [RegionId]      INT            NULL,
    [IsActive]      BIT            CONSTRAINT [DF_Brokers_IsActive] DEFAULT ((1)) NOT NULL,
    [CreatedAt]     DATETIME2 (3)  CONSTRAINT [DF_Brokers_CreatedAt] DEFAULT (sysutcdatetime()) NOT NULL,
    CONSTRAINT [PK_Brokers] PRIMARY KEY CLUSTERED ([BrokerId] ASC),
    CONSTRAINT [FK_Brokers_Regions] FOREIGN KEY ([RegionId]) REFERENCES [dbo].[Regions] ([RegionId]),
    CONSTRAINT [UQ_Brokers_BrokerCode] UNIQUE NONCLUSTERED ([BrokerCode] ASC)
);
GO
CREATE NONCLUSTERED INDEX [IX_Brokers_RegionId]
    ON [dbo].[Brokers]([RegionId] ASC);
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'Insurance brokers that sell policies.', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'Brokers';
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'Business key from the source system.', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'Brokers', @level2type = N'COLUMN', @level2name = N'BrokerCode';
GO
