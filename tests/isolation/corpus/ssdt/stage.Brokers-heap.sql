CREATE TABLE stage.Brokers
(
    broker_code   nvarchar(20)  NULL,
    broker_name   nvarchar(200) NULL,
    region        nvarchar(100) NULL,
    file_name     nvarchar(260) NULL,
    loaded_at     datetime2     NOT NULL DEFAULT sysutcdatetime()
)
WITH (HEAP);
GO
EXEC sp_addextendedproperty N'MS_Description', N'Landing table for broker files.', N'SCHEMA', N'stage', N'TABLE', N'Brokers';
GO
