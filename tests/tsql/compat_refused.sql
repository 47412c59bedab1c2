-- A script a team might run on SQL Server: two constructs the embedded engines refuse.
DECLARE @rows INT = 0;
IF EXISTS (SELECT 1 FROM etl.orders WHERE CHECKSUM(customer, amount) <> 0)
    SET @rows = 1;
WAITFOR TIME '23:00';
PRINT @rows;
