DECLARE @p sysname = N'stg_brokers';
IF OBJECT_ID(N'DW.' + @p) IS NOT NULL PRINT 'exists';
IF OBJECT_ID(N'etl.' + @p) IS NOT NULL PRINT 'exists';
