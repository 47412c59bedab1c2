EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Brokers of the company',
    @level0type = N'SCHEMA', @level0name = N'sbx_dbo', @level1type = N'TABLE', @level1name = N'Brokers';
EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = N'All brokers',
    @level0type = N'SCHEMA', @level0name = 'sbx_dbo', @level1type = N'TABLE', @level1name = N'Brokers';
EXEC sp_dropextendedproperty @name = N'MS_Description',
    @level0type = N'SCHEMA', @level0name = sbx_dbo, @level1type = N'TABLE', @level1name = N'Brokers';
