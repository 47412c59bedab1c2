CREATE TABLE [sbx_stage].[PolicyLoad] (
    [LoadId]        INT              NOT NULL,
    [SourceRow]     INT              NOT NULL,
    [PolicyNumber]  VARCHAR (30)     NULL,
    [Payload]       NVARCHAR (MAX)   NULL,
    [LoadedAt]      DATETIME2 (7)    DEFAULT (getdate()) NOT NULL,
    CONSTRAINT [PK_PolicyLoad] PRIMARY KEY NONCLUSTERED ([LoadId] ASC, [SourceRow] ASC)
) WITH (DATA_COMPRESSION = ROW);
GO
CREATE CLUSTERED COLUMNSTORE INDEX [CCI_PolicyLoad] ON [sbx_stage].[PolicyLoad];
GO
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Raw policy rows as delivered, one load per file.',
    @level0type = N'SCHEMA', @level0name = N'sbx_stage',
    @level1type = N'TABLE',  @level1name = N'PolicyLoad';
GO
