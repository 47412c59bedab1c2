/* stage.orders -> sales.Orders: additive, an order already published is left alone. */
SET NOCOUNT ON;

INSERT INTO sales.Orders (OrderRef, CustomerRef, OrderedOn, Amount)
SELECT s.order_ref, s.customer_ref, s.ordered_on, s.amount
FROM   stage.orders AS s
WHERE  NOT EXISTS (SELECT 1 FROM sales.Orders AS o WHERE o.OrderRef = s.order_ref);
