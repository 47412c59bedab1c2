WHILE 1 = 1
BEGIN
    DELETE TOP (5000) FROM etl.Events WHERE LoadedAt < '2024-01-01';
    IF @@ROWCOUNT = 0 BREAK;
END
UPDATE TOP (100) etl.Events SET Archived = 1 WHERE Archived = 0;
DELETE TOP (10) e FROM etl.Events AS e JOIN dbo.Retention AS r ON r.Kind = e.Kind;
