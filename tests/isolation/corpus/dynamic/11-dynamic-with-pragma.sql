DECLARE @sql NVARCHAR(MAX) = N'SELECT COUNT(*) FROM ' + QUOTENAME(N'sbx_dw') + N'.FactPremium';
EXEC (@sql); -- etlcheck: allow the table name is built from the sandbox schema, checked by hand
