CREATE TABLE [dbo].[Policies]
(
    [PolicyId]       BIGINT          NOT NULL,
    [PolicyNumber]   VARCHAR(30)     NOT NULL,
    [BrokerId]       INT             NOT NULL,
    [ProductCode]    VARCHAR(10)     NOT NULL,
    [InceptionDate]  DATE            NOT NULL,
    [ExpiryDate]     DATE            NULL,
    [AnnualPremium]  DECIMAL(18, 2)  NOT NULL CONSTRAINT [DF_Policies_AnnualPremium] DEFAULT (0),
    [RowVersion]     ROWVERSION      NOT NULL,
    CONSTRAINT [PK_Policies] PRIMARY KEY CLUSTERED ([PolicyId]),
    CONSTRAINT [FK_Policies_Brokers] FOREIGN KEY ([BrokerId]) REFERENCES [dbo].[Brokers] ([BrokerId]) ON DELETE NO ACTION,
    CONSTRAINT [CK_Policies_Dates] CHECK ([ExpiryDate] IS NULL OR [ExpiryDate] > [InceptionDate])
)
GO
CREATE UNIQUE NONCLUSTERED INDEX [UX_Policies_PolicyNumber] ON [dbo].[Policies] ([PolicyNumber]) INCLUDE ([BrokerId]) WITH (DATA_COMPRESSION = PAGE)
GO
EXEC sp_addextendedproperty N'MS_Description', N'One row per policy as sold.', N'SCHEMA', N'dbo', N'TABLE', N'Policies'
GO
