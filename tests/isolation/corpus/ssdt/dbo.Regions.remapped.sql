CREATE TABLE [sbx_dbo].[Regions] (
    [RegionId]   INT           NOT NULL,
    [RegionName] NVARCHAR (100) NOT NULL,
    [Country]    CHAR (2)      NOT NULL,
    CONSTRAINT [PK_Regions] PRIMARY KEY CLUSTERED ([RegionId] ASC) WITH (FILLFACTOR = 90) ON [PRIMARY]
) ON [PRIMARY];
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'Sales regions' , @level0type=N'SCHEMA',@level0name=N'sbx_dbo', @level1type=N'TABLE',@level1name=N'Regions'
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'ISO 3166 country code' , @level0type=N'SCHEMA',@level0name=N'sbx_dbo', @level1type=N'TABLE',@level1name=N'Regions', @level2type=N'COLUMN',@level2name=N'Country'
GO
