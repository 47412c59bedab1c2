/* 03-rebuild-dim.sql: the swap in a procedure that builds the names at run time, which
   the remap cannot rewrite: the old dimension it parks is production's. */
CREATE PROCEDURE dw.usp_park @name sysname
AS
BEGIN
    DECLARE @old nvarchar(300) = N'dw.' + @name;
    DECLARE @parked sysname = @name + N'_old';
    EXEC sp_rename @old, @parked;
END
GO
EXEC dw.usp_park N'DimProduct';
