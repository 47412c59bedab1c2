SET NOCOUNT ON;
DECLARE @batch INT = NEXT VALUE FOR etl.batch_numbers;
WAITFOR DELAY '00:00:00.050';
INSERT INTO etl.orders (customer, amount)
OUTPUT inserted.id, inserted.customer, N'INSERT' INTO etl.order_audit (id, customer, action)
VALUES (N'Ann', 10.50), (N'Bob]', 20.00);
DECLARE @count INT;
EXEC sp_executesql N'SELECT @n = COUNT(*) FROM etl.orders WHERE customer = @who',
    N'@who NVARCHAR(40), @n INT OUTPUT', @who = N'Ann', @n = @count OUTPUT;
RAISERROR (N'batch %d loaded %d row(s) for %s', 10, 1, @batch, @count, N'Ann') WITH NOWAIT;
