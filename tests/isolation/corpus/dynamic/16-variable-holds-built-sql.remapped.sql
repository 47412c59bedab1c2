-- Any other write to the variable, anywhere in the batch, and its text is built at run time.
DECLARE @appended NVARCHAR(MAX) = N'DELETE FROM etl.stg_policies';
SET @appended += N' WHERE 1 = 1';
EXEC (@appended);
DECLARE @selected NVARCHAR(MAX) = N'DELETE FROM etl.stg_claims';
SELECT @selected = definition FROM sys.sql_modules WHERE object_id = 1;
EXEC sp_executesql @selected;
DECLARE @returned NVARCHAR(MAX) = N'DELETE FROM etl.stg_brokers';
EXEC sbx_dbo.usp_make_sql @out = @returned OUTPUT;
EXEC (@returned);
DECLARE @fetched NVARCHAR(MAX) = N'DELETE FROM etl.stg_agents';
FETCH NEXT FROM statements INTO @fetched;
EXEC (@fetched);
DECLARE @short NVARCHAR(28) = N'DELETE FROM sbx_etl.stg_payments';
EXEC (@short);
DECLARE @code INT = 1;
EXEC (@code);
EXEC (@not_declared);
