-- construct: ROUND(x, n, 1), rounding by truncation
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/round-transact-sql
-- Each result goes into a DECIMAL(10, 3), the type SQL Server's ROUND returns here.
DECLARE @x DECIMAL(10, 3) = 123.456, @y DECIMAL(10, 3) = -123.456;
DECLARE @a DECIMAL(10, 3) = ROUND(@x, 1, 1), @b DECIMAL(10, 3) = ROUND(@y, 1, 1),
        @c DECIMAL(10, 3) = ROUND(@x, -1, 1), @d DECIMAL(10, 3) = ROUND(@x, 1, 0);
PRINT CONCAT(@a, N' ', @b, N' ', @c, N' ', @d);
-- prints: 123.400 -123.400 120.000 123.500
