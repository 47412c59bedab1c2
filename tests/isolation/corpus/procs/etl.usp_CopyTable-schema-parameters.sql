-- A generic copy procedure: the schema names arrive as parameters.
CREATE PROCEDURE etl.usp_CopyTable
    @SourceSchema sysname,
    @TargetSchema sysname,
    @Table        sysname
AS
BEGIN
    DECLARE @sql NVARCHAR(MAX) =
        N'INSERT INTO ' + QUOTENAME(@TargetSchema) + N'.' + QUOTENAME(@Table) +
        N' SELECT * FROM ' + QUOTENAME(@SourceSchema) + N'.' + QUOTENAME(@Table);
    EXEC sys.sp_executesql @sql;
END
GO
EXEC etl.usp_CopyTable @SourceSchema = N'stage', @TargetSchema = N'dbo', @Table = N'Regions';
GO
