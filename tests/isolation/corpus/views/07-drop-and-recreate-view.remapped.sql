IF OBJECT_ID(N'[sbx_dbo].[vActiveBrokers]', N'V') IS NOT NULL
    DROP VIEW [sbx_dbo].[vActiveBrokers];
GO
CREATE VIEW [sbx_dbo].[vActiveBrokers] AS
SELECT [BrokerId], [BrokerCode], [BrokerName] FROM [sbx_dbo].[Brokers] WHERE [IsActive] = 1;
GO
EXEC sp_refreshview N'[sbx_dbo].[vActiveBrokers]';
GO
