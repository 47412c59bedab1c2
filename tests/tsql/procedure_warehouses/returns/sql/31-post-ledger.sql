/* 31-post-ledger.sql: post refunds to the ledger the config table names */
DECLARE @schema SYSNAME, @table SYSNAME, @sql NVARCHAR(MAX), @posted INT;
SELECT store_code, SUM(refund_amount) AS amount INTO #refunds FROM stage.return_lines WHERE status = N'PRICED' GROUP BY store_code;
SELECT @schema = TargetSchema, @table = TargetTable FROM ops.EtlConfig WHERE ConfigKey = N'refund_ledger';
IF @schema = N'sales' AND -- etlcheck: allow compared with the configured value, never used as a name
    @table = N'RefundLedger'
    INSERT INTO sales.RefundLedger (StoreCode, Amount, PostedAt) SELECT store_code, amount, SYSUTCDATETIME() FROM #refunds;
EXEC sp_executesql
    N'SELECT @n = COUNT(*) FROM stage.return_lines WHERE status = @status',
    N'@status NVARCHAR(12), @n INT OUTPUT',
    @status = N'PRICED', @n = @posted OUTPUT;
PRINT CONCAT(N'posted ', @posted, N' priced returns');
GO
