IF OBJECT_ID(N'[dbo].[vActiveBrokers]', N'V') IS NOT NULL
    DROP VIEW [dbo].[vActiveBrokers];
GO
CREATE VIEW [dbo].[vActiveBrokers] AS
SELECT [BrokerId], [BrokerCode], [BrokerName] FROM [dbo].[Brokers] WHERE [IsActive] = 1;
GO
EXEC sp_refreshview N'[dbo].[vActiveBrokers]';
GO
