EXEC sp_executesql N'SELECT * FROM [poc_dbo].[Brokers] WHERE id = @id', N'@id INT', @id = 1;
