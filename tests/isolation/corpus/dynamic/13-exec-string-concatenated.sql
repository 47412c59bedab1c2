DECLARE @d VARCHAR(8) = CONVERT(VARCHAR(8), GETDATE(), 112);
EXEC ('SELECT * INTO stage.Policies_' + @d + ' FROM dbo.Policies');
