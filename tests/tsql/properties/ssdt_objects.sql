/*
    ssdt_objects.sql
    Production DDL as an SSDT project publishes it: a schema, tables, a view, a procedure,
    a function and a sequence, each with the MS_Description SSDT keeps for it, in the
    spellings such projects use (EXECUTE or EXEC, sys. or not, named or positional).
*/
CREATE SCHEMA [dw];
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'The warehouse: facts and dimensions.', @level0type = N'SCHEMA', @level0name = N'dw';
GO
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
EXEC sys.sp_addextendedproperty N'MS_Description', N'Customer key from the order system.', N'SCHEMA', N'dw', N'TABLE', N'customer_totals', N'COLUMN', N'customer_id'
GO
EXEC sp_addextendedproperty @name = N'Classification', @value = Internal, @level0type = N'SCHEMA', @level0name = N'dw', @level1type = N'TABLE', @level1name = N'customer_totals'
GO
EXEC sp_addextendedproperty @name = N'RetentionDays', @value = 400, @level0type = N'SCHEMA', @level0name = N'dw', @level1type = N'TABLE', @level1name = N'customer_totals'
GO
CREATE VIEW [dw].[v_top_customers]
AS SELECT customer_id, total FROM dw.customer_totals WHERE total > 1000;
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'Customers over 1,000.', @level0type = N'SCHEMA', @level0name = N'dw', @level1type = N'VIEW', @level1name = N'v_top_customers';
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'As in customer_totals.', @level0type = N'SCHEMA', @level0name = N'dw', @level1type = N'VIEW', @level1name = N'v_top_customers', @level2type = N'COLUMN', @level2name = N'total';
GO
CREATE PROCEDURE [dw].[usp_touch_customer]
    @CustomerId INT
AS
    UPDATE dw.customer_totals SET loaded_at = SYSDATETIME() WHERE customer_id = @CustomerId;
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'Marks a customer as loaded.', @level0type = N'SCHEMA', @level0name = N'dw', @level1type = N'PROCEDURE', @level1name = N'usp_touch_customer';
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'The customer to mark.', @level0type = N'SCHEMA', @level0name = N'dw', @level1type = N'PROCEDURE', @level1name = N'usp_touch_customer', @level2type = N'PARAMETER', @level2name = N'@CustomerId';
GO
CREATE FUNCTION [dw].[fn_with_tax] (@amount DECIMAL (12, 2))
RETURNS DECIMAL (12, 2)
AS
BEGIN
    RETURN @amount * 1.2;
END
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'An amount with 20% tax.', @level0type = N'SCHEMA', @level0name = N'dw', @level1type = N'FUNCTION', @level1name = N'fn_with_tax';
GO
CREATE SEQUENCE [dw].[batch_ids] AS INT START WITH 1 INCREMENT BY 1;
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'Load batch numbers.', @level0type = N'SCHEMA', @level0name = N'dw', @level1type = N'SEQUENCE', @level1name = N'batch_ids';
GO
EXEC sp_addextendedproperty @name = N'ProjectVersion', @value = N'2.4.0';
GO
