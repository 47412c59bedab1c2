INSERT INTO stage.orders (order_id, line_no, amount)
SELECT o.id, o.line, o.amount FROM [src].[Orders] AS o
WHERE o.note <> 'dbo2.nothing';
GO
