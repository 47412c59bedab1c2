DECLARE @t sysname = N'FactPremium';
IF OBJECT_ID(N'sbx_dw.' + @t, N'U') IS NOT NULL PRINT 'fact table present';
IF OBJECT_ID(QUOTENAME(N'dw') + N'.' + QUOTENAME(@t)) IS NOT NULL PRINT 'still present';
IF OBJECT_ID(@t) IS NULL PRINT 'not in the default schema';
