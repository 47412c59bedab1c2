CREATE TABLE [staging].[orders] (
    [order_id]    INT             NOT NULL,
    [customer_id] INT             NOT NULL,
    [amount]      DECIMAL (12, 2) NOT NULL,
    CONSTRAINT [PK_orders] PRIMARY KEY CLUSTERED ([order_id] ASC)
);
GO
EXEC sp_addextendedproperty N'MS_Description', N'One row per order line delivered.', N'SCHEMA', N'staging', N'TABLE', N'orders'
GO
