-- Before the load: which modules read the staging tables, and which tables the
-- configuration says to load; both compare schema names held in *_schema_name columns.
SELECT referencing_schema_name, referencing_entity_name
FROM sys.dm_sql_referencing_entities(N'etl.stg_policies', N'OBJECT');

SELECT d.referenced_entity_name
FROM sys.sql_expression_dependencies AS d
WHERE d.referenced_schema_name = N'etl'
  AND OBJECT_SCHEMA_NAME(d.referencing_id) = N'sbx_dw';

SELECT c.source_table_name, c.target_table_name
FROM sbx_etl.load_config AS c
WHERE c.target_schema_name IN (N'stage', N'etl')
  AND c.source_table_name = N'Policies';
GO
