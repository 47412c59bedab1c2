EXEC sp_executesql N'EXEC sbx_etl.usp_LoadBrokers @RunId = @r', N'@r UNIQUEIDENTIFIER', @r = NULL;
