EXEC ('SELECT COUNT(*) FROM sbx_dbo.Policies') AT [REPORTING];
INSERT INTO sbx_stage.RemoteCounts (cnt)
SELECT cnt FROM OPENQUERY([REPORTING], 'SELECT COUNT(*) AS cnt FROM dbo.Claims');
