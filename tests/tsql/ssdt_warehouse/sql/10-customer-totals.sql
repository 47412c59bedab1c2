/* 10-customer-totals.sql: totals per customer from the staged orders, and the table's
   description kept up to date as the team's runbook asks. */
SET NOCOUNT ON;

MERGE dw.customer_totals AS t
USING (SELECT customer_id, SUM(amount) AS total FROM staging.orders GROUP BY customer_id) AS s
    ON t.customer_id = s.customer_id
WHEN MATCHED THEN
    UPDATE SET total = s.total, loaded_at = SYSDATETIME()
WHEN NOT MATCHED THEN
    INSERT (customer_id, total, loaded_at) VALUES (s.customer_id, s.total, SYSDATETIME());
PRINT CONCAT(N'customer totals: ', @@ROWCOUNT);

DECLARE @customers INT = (SELECT COUNT(*) FROM dw.customer_totals);
DECLARE @note NVARCHAR(200) = CONCAT(N'Order totals per customer (', @customers, N' customers).');
EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = @note,
    @level0type = N'SCHEMA', @level0name = N'dw', @level1type = N'TABLE', @level1name = N'customer_totals';

IF NOT EXISTS (SELECT 1 FROM fn_listextendedproperty(N'MS_Description', N'SCHEMA', N'dw', N'TABLE', N'customer_totals', N'COLUMN', N'loaded_at'))
    EXEC sp_addextendedproperty N'MS_Description', N'When the run last loaded the row.', N'SCHEMA', N'dw', N'TABLE', N'customer_totals', N'COLUMN', N'loaded_at';
GO
