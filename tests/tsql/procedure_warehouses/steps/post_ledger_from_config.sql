/* 31-post-ledger.sql: post refunds to the ledger the config table names */
DECLARE @schema SYSNAME, @table SYSNAME, @sql NVARCHAR(MAX), @posted INT;
SELECT store_code, refund_amount INTO #priced FROM stage.return_lines WHERE status = N'PRICED';
SELECT @schema = TargetSchema, @table = TargetTable FROM ops.EtlConfig WHERE ConfigKey = N'refund_ledger';
SET @sql = N'INSERT INTO ' + QUOTENAME(@schema) + N'.' + QUOTENAME(@table)
         + N' (StoreCode, Amount, PostedAt) SELECT store_code, SUM(refund_amount), SYSUTCDATETIME() FROM #priced GROUP BY store_code';
EXEC (@sql);
EXEC sp_executesql
    N'SELECT @n = COUNT(*) FROM stage.return_lines WHERE status = @status',
    N'@status NVARCHAR(12), @n INT OUTPUT',
    @status = N'PRICED', @n = @posted OUTPUT;
PRINT CONCAT(N'posted ', @posted, N' priced returns');
GO
