EXEC sp_updateextendedproperty
    @name = N'MS_Description',
    @value = N'Customer master data, merged from CRM and policy admin.',
    @level0type = N'SCHEMA', @level0name = N'dbo',
    @level1type = N'TABLE',  @level1name = N'Customers';
GO
EXEC sys.sp_updateextendedproperty N'Owner', N'Data team', N'SCHEMA', N'dbo', N'TABLE', N'Customers';
GO
