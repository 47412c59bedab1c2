EXEC sp_addextendedproperty N'MS_Description', N'Broker id', N'SCHEMA', N'sbx_dbo', N'TABLE', N'Brokers', N'COLUMN', N'id';
EXEC sp_dropextendedproperty N'MS_Description', 'SCHEMA', [sbx_dbo], 'TABLE', 'Brokers', 'COLUMN', 'id';
SELECT * FROM fn_listextendedproperty(N'MS_Description', N'SCHEMA', N'sbx_dbo', N'TABLE', N'Brokers', NULL, NULL);
