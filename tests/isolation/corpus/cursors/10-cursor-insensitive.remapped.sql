DECLARE @d DATE
DECLARE dates INSENSITIVE CURSOR FOR SELECT [Date] FROM sbx_dw.DimDate WHERE [Year] = 2024
OPEN dates
FETCH NEXT FROM dates INTO @d
WHILE @@FETCH_STATUS = 0
BEGIN
    EXEC sbx_etl.usp_LoadFactPremium @FromDate = @d, @ToDate = @d
    FETCH NEXT FROM dates INTO @d
END
CLOSE dates
DEALLOCATE dates
