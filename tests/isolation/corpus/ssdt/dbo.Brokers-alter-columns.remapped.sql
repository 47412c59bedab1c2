ALTER TABLE [sbx_dbo].[Brokers] ADD [Email] NVARCHAR (320) NULL;
GO
ALTER TABLE [sbx_dbo].[Brokers] ALTER COLUMN [BrokerName] NVARCHAR (250) NOT NULL;
GO
ALTER TABLE [sbx_dbo].[Brokers] DROP CONSTRAINT [DF_Brokers_IsActive];
ALTER TABLE [sbx_dbo].[Brokers] ADD CONSTRAINT [DF_Brokers_IsActive] DEFAULT ((0)) FOR [IsActive];
GO
ALTER TABLE [sbx_dbo].[Brokers] DROP COLUMN IF EXISTS [LegacyCode];
GO
EXEC sp_addextendedproperty N'MS_Description', N'Contact address.', N'SCHEMA', N'sbx_dbo', N'TABLE', N'Brokers', N'COLUMN', N'Email';
GO
