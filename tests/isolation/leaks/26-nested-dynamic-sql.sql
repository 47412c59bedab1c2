EXEC('EXEC(''DROP SCHEMA [etl]'')');
