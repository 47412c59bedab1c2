DECLARE @p sysname = N'stg_brokers';
IF OBJECT_ID(N'sbx_dw.' + @p) IS NOT NULL PRINT 'exists';
IF OBJECT_ID(N'sbx_etl.' + @p) IS NOT NULL PRINT 'exists';
