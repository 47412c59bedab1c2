EXEC('EXEC(''DROP SCHEMA [poc_etl]'')');
