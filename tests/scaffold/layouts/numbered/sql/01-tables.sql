CREATE TABLE [stage].[orders] (
    order_id   INT           NOT NULL,
    line_no    INT           NOT NULL,
    amount     DECIMAL(10,2) NULL,
    CONSTRAINT PK_stage_orders PRIMARY KEY (order_id, line_no)
);
CREATE TABLE stage.customers (customer_id NVARCHAR(10) NOT NULL PRIMARY KEY, name NVARCHAR(50));
CREATE TABLE stage.notes (note NVARCHAR(100));
GO
