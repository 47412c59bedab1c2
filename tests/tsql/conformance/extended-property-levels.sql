-- construct: extended properties on indexes, constraints, users, types and other level types
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/system-stored-procedures/sp-addextendedproperty-transact-sql
-- The embedded engines keep the properties of the database, schemas, tables, views,
-- procedures, functions, sequences, columns and parameters; an index's or a constraint's
-- is refused before anything runs.
-- compat on duckdb, postgres at 11:1: sp_addextendedproperty: extended properties on the level type INDEX
DROP TABLE IF EXISTS dbo.conf_indexed;
GO
CREATE TABLE dbo.conf_indexed (id INT NOT NULL CONSTRAINT PK_conf_indexed PRIMARY KEY);
GO
EXEC sp_addextendedproperty N'MS_Description', N'Key', N'SCHEMA', N'dbo', N'TABLE', N'conf_indexed', N'INDEX', N'PK_conf_indexed';
PRINT N'indexed';
DROP TABLE dbo.conf_indexed;
-- prints: indexed
