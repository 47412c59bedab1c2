/* landing.orders -> stage.orders: one row per order, names trimmed. */
SET NOCOUNT ON;

IF OBJECT_ID('stage.orders') IS NOT NULL
    DROP TABLE stage.orders;

SELECT  LTRIM(RTRIM(o.order_ref))    AS order_ref,
        LTRIM(RTRIM(o.customer_ref)) AS customer_ref,
        NULLIF(LTRIM(RTRIM(o.customer_name)), N'') AS customer_name,
        o.ordered_on,
        o.amount
INTO stage.orders
FROM landing.orders AS o
WHERE o.amount > 0;

PRINT CONCAT(N'stage.orders: ', @@ROWCOUNT, N' rows');
