EXEC ('SELECT COUNT(*) FROM dbo.Policies') AT [REPORTING];
INSERT INTO stage.RemoteCounts (cnt)
SELECT cnt FROM OPENQUERY([REPORTING], 'SELECT COUNT(*) AS cnt FROM dbo.Claims');
