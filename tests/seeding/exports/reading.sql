CREATE TABLE [sales].[Reading](
	[ReadingID] [int] NOT NULL PRIMARY KEY,
	[MeterCode] [varchar](10) NOT NULL,
	[Kwh] [decimal](12, 4) NULL,
	[ReadAt] [datetime2](7) NULL,
	[ReadAtUtc] [datetimeoffset](7) NULL,
	[Quality] [tinyint] NULL,
	[Flag] [bit] NULL
) ON [PRIMARY] WITH (DATA_COMPRESSION = PAGE)
GO
