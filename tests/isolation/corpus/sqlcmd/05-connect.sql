:connect ReportServer
SELECT COUNT(*) FROM dbo.Subscriptions;
GO
