DECLARE @names NVARCHAR(200);
SELECT @names = STRING_AGG(QUOTENAME(o.customer), N', ') WITHIN GROUP (ORDER BY o.id)
FROM etl.orders AS o
CROSS APPLY (SELECT TOP 1 a.action FROM etl.order_audit AS a WHERE a.id = o.id) AS last_action;
PRINT @names;
