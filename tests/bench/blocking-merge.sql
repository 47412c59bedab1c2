/*
    20-merge-customers.sql, made to block: touches one staged order again and again in an
    endless loop of short statements. The tests stop the benchmark with a signal while it
    loops.
*/
SET NOCOUNT ON;

DECLARE @round INT = 0;
WHILE @round >= 0
BEGIN
    UPDATE stage.orders SET amount = amount WHERE order_ref = N'O-1001';
    SET @round = @round + 1;
END
GO
