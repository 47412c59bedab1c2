/*
    change_production_properties.sql
    A step that changes production's properties through names the remap never sees: the
    schema's name is built at run time, in a variable and in dynamic SQL.
*/
DECLARE @schema SYSNAME = N'd' + N'w';
EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = N'Stamped by the nightly load.',
    @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'customer_totals';
EXEC sp_dropextendedproperty N'Classification', N'SCHEMA', @schema, N'TABLE', N'customer_totals';
EXEC (N'EXEC sp_addextendedproperty N''Owner'', N''Finance'', N''SCHEMA'', N''' + @schema
    + N''', N''TABLE'', N''customer_totals'', N''COLUMN'', N''total''');
EXEC sp_addextendedproperty N'Steward', N'Data team', N'SCHEMA', @schema;
EXEC sp_updateextendedproperty N'ProjectVersion', N'2.5.0';
