DECLARE @sql NVARCHAR(MAX) = N'';
SELECT @sql += N'DROP TABLE [stage].' + QUOTENAME(t.name) + N';'
FROM sys.tables AS t WHERE t.schema_id = SCHEMA_ID(N'stage');
EXEC sp_executesql @sql;
DROP SCHEMA IF EXISTS [stage];
GO
