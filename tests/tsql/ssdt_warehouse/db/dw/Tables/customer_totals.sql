CREATE TABLE [dw].[customer_totals] (
    [customer_id] INT             NOT NULL,
    [total]       DECIMAL (12, 2) NOT NULL,
    [loaded_at]   DATETIME2 (0)   NULL,
    CONSTRAINT [PK_customer_totals] PRIMARY KEY CLUSTERED ([customer_id] ASC)
);
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'Order totals per customer.', @level0type = N'SCHEMA', @level0name = N'dw', @level1type = N'TABLE', @level1name = N'customer_totals';
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'Sum of the customer''s order amounts.', @level0type = N'SCHEMA', @level0name = N'dw', @level1type = N'TABLE', @level1name = N'customer_totals', @level2type = N'COLUMN', @level2name = N'total';
GO
