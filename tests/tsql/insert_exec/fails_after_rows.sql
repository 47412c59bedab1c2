-- Outside a transaction SQL Server undoes the rows the failed INSERT ... EXEC inserted.
INSERT INTO #got
EXEC dbo.usp_ie_then_fail;
