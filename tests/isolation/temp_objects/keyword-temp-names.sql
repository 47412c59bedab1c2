-- Temporary tables named with a keyword: one identifier each in T-SQL.
CREATE TABLE #inner (id INT);
INSERT INTO #inner SELECT id FROM etl.Brokers;
INSERT INTO #output (id) SELECT i.id FROM #inner AS i JOIN ##join AS j ON j.id = i.id;
UPDATE etl.Brokers SET name = u.name FROM etl.Brokers AS b JOIN #user AS u ON u.id = b.id;
