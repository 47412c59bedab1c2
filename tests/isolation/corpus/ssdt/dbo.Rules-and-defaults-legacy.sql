-- A database that started on SQL Server 2000: rules and defaults bound to columns.
CREATE RULE PositivePremium AS @value >= 0;
GO
CREATE DEFAULT ZeroPremium AS 0;
GO
CREATE RULE dbo.ValidStatus AS @status IN ('A', 'L', 'C');
GO
EXEC sp_bindrule 'PositivePremium', 'dbo.Policies.Premium';
EXEC sp_bindefault 'ZeroPremium', 'Policies.Premium';
EXEC sp_bindrule N'dbo.ValidStatus', N'dbo.Policies.Status';
GO
EXEC sp_unbindrule 'Policies.Premium';
DROP RULE PositivePremium;
DROP DEFAULT ZeroPremium;
DROP RULE IF EXISTS dbo.ValidStatus;
GO
