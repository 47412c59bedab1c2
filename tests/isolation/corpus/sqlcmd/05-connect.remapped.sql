:connect ReportServer
SELECT COUNT(*) FROM sbx_dbo.Subscriptions;
GO
