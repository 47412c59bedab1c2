DECLARE @c CURSOR, @code VARCHAR(10);
SET @c = CURSOR FAST_FORWARD FOR SELECT ProductCode FROM sbx_dbo.Products;
OPEN @c;
FETCH NEXT FROM @c INTO @code;
WHILE @@FETCH_STATUS = 0
BEGIN
    EXEC sbx_etl.usp_RecalculateProduct @ProductCode = @code;
    FETCH NEXT FROM @c INTO @code;
END
CLOSE @c;
DEALLOCATE @c;
