-- A database that started on SQL Server 2000: rules and defaults bound to columns.
CREATE RULE sbx_dbo.PositivePremium AS @value >= 0;
GO
CREATE DEFAULT sbx_dbo.ZeroPremium AS 0;
GO
CREATE RULE sbx_dbo.ValidStatus AS @status IN ('A', 'L', 'C');
GO
EXEC sp_bindrule 'sbx_dbo.PositivePremium', 'sbx_dbo.Policies.Premium';
EXEC sp_bindefault 'sbx_dbo.ZeroPremium', 'sbx_dbo.Policies.Premium';
EXEC sp_bindrule N'sbx_dbo.ValidStatus', N'sbx_dbo.Policies.Status';
GO
EXEC sp_unbindrule 'sbx_dbo.Policies.Premium';
DROP RULE sbx_dbo.PositivePremium;
DROP DEFAULT sbx_dbo.ZeroPremium;
DROP RULE IF EXISTS sbx_dbo.ValidStatus;
GO
