DECLARE @rows INT;
CREATE TABLE #work (id INT);
INSERT INTO #work (id) SELECT id FROM poc_etl.stg_brokers;
SET @rows = @@ROWCOUNT;
PRINT 'copied ' + CAST(@rows AS VARCHAR(10));
DROP TABLE #work;
