EXEC ('IF OBJECT_ID(''stage.Tmp'') IS NOT NULL EXEC (''DROP TABLE stage.Tmp'')');
EXEC ('CREATE TABLE stage.Tmp (id INT); INSERT INTO stage.Tmp VALUES (1);');
