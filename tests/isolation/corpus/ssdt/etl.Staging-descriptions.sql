EXEC sys.sp_addextendedproperty
    @name = N'MS_Description',
    @value = N'Rebuilt nightly from raw_data.policies; exported to dbo.Policies by etl.usp_export.',
    @level0type = N'SCHEMA', @level0name = N'etl',
    @level1type = N'TABLE',  @level1name = N'stg_policies';
GO
EXEC sp_addextendedproperty N'MS_Description', N'Key of dbo.Brokers', N'SCHEMA', N'etl',
    N'TABLE', N'stg_brokers', N'COLUMN', N'broker_code';
GO
EXEC sp_updateextendedproperty @value = N'See etl.stg_policies_history for old rows',
    @name = N'MS_Description', @level0type = N'SCHEMA', @level0name = N'etl',
    @level1type = N'TABLE', @level1name = N'stg_policies';
GO
DECLARE @note NVARCHAR(200) = N'dbo.Brokers';
EXEC sp_addextendedproperty N'Source', @note, N'SCHEMA', N'etl', N'TABLE', N'stg_brokers';
GO
