/* stage.orders -> sales.Customers: new customers added, names brought up to date. */
SET NOCOUNT ON;

UPDATE c
SET    c.Name = s.customer_name
FROM   sales.Customers AS c
JOIN   (SELECT customer_ref, MAX(customer_name) AS customer_name
        FROM stage.orders GROUP BY customer_ref) AS s
  ON   s.customer_ref = c.CustomerRef
WHERE  s.customer_name IS NOT NULL AND ISNULL(c.Name, N'') <> s.customer_name;

INSERT INTO sales.Customers (CustomerRef, Name)
SELECT s.customer_ref, MAX(s.customer_name)
FROM   stage.orders AS s
WHERE  NOT EXISTS (SELECT 1 FROM sales.Customers AS c WHERE c.CustomerRef = s.customer_ref)
GROUP BY s.customer_ref;
