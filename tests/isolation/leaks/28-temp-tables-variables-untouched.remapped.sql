DECLARE @t TABLE (id INT);
SELECT id INTO #work FROM poc_etl.stg_brokers;
INSERT INTO @t SELECT id FROM #work;
