WITH latest AS (SELECT id, MAX(version) AS version FROM Policies GROUP BY id)
UPDATE sih SET is_current = 1
FROM dbo.Policies AS sih
JOIN latest ON latest.id = sih.id AND latest.version = sih.version;
