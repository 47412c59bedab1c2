-- construct: #temp tables named with a keyword (#inner, #output, #user, ##join)
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/databases/database-identifiers
-- A temporary table's name is one regular identifier that starts with # or ##; the word
-- after the sign may be a keyword of the language.
CREATE TABLE #inner (id INT, qty INT);
INSERT INTO #inner VALUES (1, 5), (2, 7);
SELECT i.id, i.qty INTO #output FROM #inner AS i WHERE i.qty > 5;
CREATE TABLE #user (name NVARCHAR(20));
INSERT INTO #user (name) VALUES (N'loader');
SELECT o.id, u.name INTO ##join FROM #output AS o CROSS JOIN #user AS u;
UPDATE #inner SET qty = qty + 1 OUTPUT inserted.id INTO #output (id) WHERE id = 1;
PRINT (SELECT COUNT(*) FROM #output);
-- prints: 2
PRINT (SELECT CONCAT(id, N' ', name) FROM ##join);
-- prints: 2 loader
PRINT IIF(OBJECT_ID(N'tempdb..#inner') IS NULL, 'no #inner', '#inner');
-- prints: #inner
DROP TABLE #inner, #output, #user, ##join;
