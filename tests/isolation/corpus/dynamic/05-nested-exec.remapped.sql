EXEC ('IF OBJECT_ID(''sbx_stage.Tmp'') IS NOT NULL EXEC (''DROP TABLE sbx_stage.Tmp'')');
EXEC ('CREATE TABLE sbx_stage.Tmp (id INT); INSERT INTO sbx_stage.Tmp VALUES (1);');
