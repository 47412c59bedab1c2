DECLARE @schema NVARCHAR(128) = N'staging', @name sysname;
DECLARE @target AS varchar(128)
SELECT @name = name FROM sys.tables WHERE schema_id = SCHEMA_ID(@schema)
