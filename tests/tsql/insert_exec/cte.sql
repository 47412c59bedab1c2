INSERT INTO #got EXEC dbo.usp_ie_cte;
PRINT CONCAT(@@ROWCOUNT, N' ', (SELECT MIN(sku) FROM #got));
