-- OUTPUT of the source's columns where the target is a #temp table named without an alias and
-- the source a common table expression, then a VALUES list with column names.
CREATE TABLE #tg (id INT, v NVARCHAR(5));
INSERT INTO #tg VALUES (1, N'a'), (2, N'b');
DECLARE @log TABLE (act NVARCHAR(10), sid INT, sv NVARCHAR(5), oldv NVARCHAR(5), newv NVARCHAR(5));
WITH feed AS (SELECT id, v FROM (VALUES (1, N'x'), (3, N'y')) AS q(id, v))
MERGE #tg USING feed ON #tg.id = feed.id
WHEN MATCHED THEN UPDATE SET v = feed.v
WHEN NOT MATCHED THEN INSERT VALUES (feed.id, feed.v)
WHEN NOT MATCHED BY SOURCE THEN DELETE
OUTPUT $action, feed.id, feed.v, deleted.v, inserted.v INTO @log;
PRINT @@ROWCOUNT;
PRINT (SELECT STRING_AGG(CONCAT(act, N' ', ISNULL(sid, -1), N' ', ISNULL(sv, N'-'), N' ', ISNULL(oldv, N'-'), N' ', ISNULL(newv, N'-')), N', ') WITHIN GROUP (ORDER BY act) FROM @log);
MERGE #tg AS t USING (VALUES (3, N'z')) AS s(id, v) ON t.id = s.id
WHEN MATCHED THEN UPDATE SET v = s.v
OUTPUT $action, s.v, deleted.v INTO @log (act, sv, oldv);
PRINT (SELECT COUNT(*) FROM @log);
PRINT (SELECT STRING_AGG(CONCAT(id, N':', v), N', ') WITHIN GROUP (ORDER BY id) FROM #tg);
