IF SCHEMA_ID(N'sbx_stage') IS NULL EXEC (N'CREATE SCHEMA [sbx_stage] AUTHORIZATION [dbo]');
IF SCHEMA_ID(N'sbx_dw') IS NULL EXEC (N'CREATE SCHEMA [sbx_dw] AUTHORIZATION [dbo]');
IF SCHEMA_ID(N'sbx_audit') IS NULL EXEC ('CREATE SCHEMA sbx_audit');
IF NOT EXISTS (SELECT * FROM sys.schemas WHERE name = N'sbx_log') EXEC sp_executesql N'CREATE SCHEMA [sbx_log]';
GO
