CREATE TABLE etl.Watermark (
    SourceName  VARCHAR(100) NOT NULL,
    LastValue   DATETIME2(3) NOT NULL,
    UpdatedAt   DATETIME2(3) NOT NULL,
    CONSTRAINT PK_Watermark PRIMARY KEY (SourceName)
);
GO
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'High-water marks of incremental loads.',
     @level0type = N'SCHEMA', @level0name = etl, @level1type = N'TABLE', @level1name = Watermark;
GO
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Source system and table, e.g. crm.contacts.',
     @level0type = N'SCHEMA', @level0name = etl, @level1type = N'TABLE', @level1name = Watermark,
     @level2type = N'COLUMN', @level2name = SourceName;
GO
