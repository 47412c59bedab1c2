IF EXISTS (SELECT 1 FROM fn_listextendedproperty(N'MS_Description', N'SCHEMA', N'dbo', N'TABLE', N'Customers', N'COLUMN', N'Email'))
    EXEC sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', @level0name = N'dbo',
        @level1type = N'TABLE', @level1name = N'Customers', @level2type = N'COLUMN', @level2name = N'Email';
GO
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Primary e-mail; masked for non-admins.',
    @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'Customers',
    @level2type = N'COLUMN', @level2name = N'Email';
GO
