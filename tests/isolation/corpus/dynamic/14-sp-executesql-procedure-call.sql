EXEC sp_executesql N'EXEC etl.usp_LoadBrokers @RunId = @r', N'@r UNIQUEIDENTIFIER', @r = NULL;
