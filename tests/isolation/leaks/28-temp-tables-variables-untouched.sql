DECLARE @t TABLE (id INT);
SELECT id INTO #work FROM etl.stg_brokers;
INSERT INTO @t SELECT id FROM #work;
