EXEC sp_executesql N'SELECT * FROM [dbo].[Brokers] WHERE id = @id', N'@id INT', @id = 1;
