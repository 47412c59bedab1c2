-- Composable DML whose INSERT writes another table than the MERGE's target (a history).
CREATE TABLE dbo.co_dim (code INT, amount INT);
CREATE TABLE dbo.co_feed (code INT, amount INT);
CREATE TABLE dbo.co_history (code INT, old_amount INT, new_amount INT);
INSERT INTO dbo.co_dim VALUES (1, 10), (2, 20);
INSERT INTO dbo.co_feed VALUES (1, 11), (3, 30);
INSERT INTO dbo.co_history (code, old_amount, new_amount)
SELECT code, old_amount, amount
FROM (MERGE dbo.co_dim AS t USING dbo.co_feed AS s ON t.code = s.code
      WHEN MATCHED THEN UPDATE SET amount = s.amount
      WHEN NOT MATCHED THEN INSERT (code, amount) VALUES (s.code, s.amount)
      OUTPUT $action AS act, s.code, s.amount, deleted.amount AS old_amount) AS changes
WHERE act = N'UPDATE';
PRINT @@ROWCOUNT;
PRINT (SELECT STRING_AGG(CONCAT(code, N':', old_amount, N'->', new_amount), N', ') FROM dbo.co_history);
PRINT (SELECT STRING_AGG(CONCAT(code, N':', amount), N', ') WITHIN GROUP (ORDER BY code) FROM dbo.co_dim);
