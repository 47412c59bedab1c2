/* 00-schemas.sql: -- a comment naming [ghost].[Table] must not count */
IF SCHEMA_ID('stage') IS NULL EXEC('CREATE SCHEMA [stage]');
GO
