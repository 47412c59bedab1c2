DECLARE @cnt INT;
EXEC sp_executesql @stmt = N'SELECT @c = COUNT(*) FROM sbx_stage.Claims WHERE Reserve > @min',
                   @params = N'@c INT OUTPUT, @min DECIMAL(18,2)',
                   @c = @cnt OUTPUT, @min = 0;
PRINT @cnt;
