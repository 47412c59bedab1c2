CREATE PROCEDURE dbo.usp_SearchPolicies @Where NVARCHAR(4000)
AS
BEGIN
    DECLARE @sql NVARCHAR(MAX) = N'SELECT PolicyId, PolicyNumber FROM dbo.Policies WHERE ' + @Where;
    EXEC (@sql);
END
GO
