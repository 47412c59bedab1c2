-- A MERGE ... OUTPUT of the source's columns into a target with an index.
CREATE TABLE dbo.mi_dim (code INT, name NVARCHAR(10));
CREATE INDEX ix_mi_dim_code ON dbo.mi_dim (code);
CREATE TABLE dbo.mi_feed (code INT, name NVARCHAR(10));
CREATE TABLE #mi_map (action NVARCHAR(10), code INT);
INSERT INTO dbo.mi_feed VALUES (1, N'a');
MERGE dbo.mi_dim AS t USING dbo.mi_feed AS s ON t.code = s.code
WHEN NOT MATCHED THEN INSERT (code, name) VALUES (s.code, s.name)
OUTPUT $action, s.code INTO #mi_map;
PRINT (SELECT STRING_AGG(CONCAT(action, N' ', code), N', ') FROM #mi_map);
