-- Composable DML whose INSERT target is referenced by a FOREIGN KEY, which SQL Server refuses.
CREATE TABLE dbo.gd (k INT IDENTITY(1, 1) PRIMARY KEY, code INT, amount INT, cur BIT);
CREATE TABLE dbo.gf (code INT, amount INT);
CREATE TABLE dbo.gchild (k INT REFERENCES dbo.gd (k));
INSERT INTO dbo.gd (code, amount, cur) VALUES (1, 10, 1);
INSERT INTO dbo.gf VALUES (1, 11);
INSERT INTO dbo.gd (code, amount, cur)
SELECT code, amount, 1
FROM (MERGE dbo.gd AS t USING dbo.gf AS s ON t.code = s.code AND t.cur = 1
      WHEN MATCHED AND t.amount <> s.amount THEN UPDATE SET cur = 0
      OUTPUT $action AS change, s.code, s.amount) AS changes
WHERE change = 'UPDATE';
