/* The customer satellite and the order link, then a line in the load log. */
INSERT INTO dv.SatCustomer (CustomerHashKey, LoadDate, Name, HashDiff)
SELECT c.CustomerHashKey, SYSUTCDATETIME(), c.customer_name,
       CONVERT(CHAR(32), HASHBYTES('MD5', CAST(c.customer_name AS NVARCHAR(100))), 2)
FROM (
    SELECT DISTINCT CONVERT(CHAR(32), HASHBYTES('MD5', CAST(UPPER(customer_code) AS NVARCHAR(100))), 2) AS CustomerHashKey,
           customer_name
    FROM raw.orders
) AS c;

INSERT INTO dv.LinkOrder (OrderHashKey, CustomerHashKey, ProductHashKey, OrderNo, LoadDate)
SELECT CONVERT(CHAR(32), HASHBYTES('MD5', CAST(o.order_no AS NVARCHAR(100))), 2),
       CONVERT(CHAR(32), HASHBYTES('MD5', CAST(UPPER(o.customer_code) AS NVARCHAR(100))), 2),
       CONVERT(CHAR(32), HASHBYTES('MD5', CAST(UPPER(o.product_code) AS NVARCHAR(100))), 2),
       o.order_no, SYSUTCDATETIME()
FROM raw.orders AS o;

UPDATE l SET l.LoadedAt = SYSUTCDATETIME() FROM dv.LoadLog AS l WHERE l.Step = N'vault';
INSERT INTO dv.LoadLog (Step, LoadedAt) VALUES (N'vault', SYSUTCDATETIME());
GO
