USE [SalesDW]
GO
/****** Object:  Schema [sales]    Script Date: 5/1/2024 8:00:00 AM ******/
CREATE SCHEMA [sales]
GO
/****** Object:  Sequence [sales].[OrderNumbers]    Script Date: 5/1/2024 8:00:00 AM ******/
CREATE SEQUENCE [sales].[OrderNumbers] 
 AS [bigint]
 START WITH 1000
 INCREMENT BY 1
 MINVALUE -9223372036854775808
 MAXVALUE 9223372036854775807
 CACHE 
GO
/****** Object:  Table [sales].[Customer]    Script Date: 5/1/2024 8:00:00 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [sales].[Customer](
	[CustomerID] [int] IDENTITY(1,1) NOT NULL,
	[CustomerGuid] [uniqueidentifier] NOT NULL,
	[Name] [nvarchar](100) NOT NULL,
	[City] [nvarchar](50) NULL,
	[IsActive] [bit] NOT NULL,
	[CreditLimit] [money] NULL,
	[Rate] [decimal](18, 8) NULL,
	[CreatedAt] [datetime] NOT NULL,
	[UpdatedAt] [datetime2](7) NULL,
	[Notes] [nvarchar](max) NULL,
	[Photo] [varbinary](max) NULL,
	[OrderNumber] [bigint] NULL,
 CONSTRAINT [PK_Customer] PRIMARY KEY CLUSTERED 
(
	[CustomerID] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
GO
SET ANSI_PADDING ON
GO
/****** Object:  Index [IX_Customer_City]    Script Date: 5/1/2024 8:00:00 AM ******/
CREATE NONCLUSTERED INDEX [IX_Customer_City] ON [sales].[Customer]
(
	[City] ASC
)
INCLUDE([Name]) 
WHERE ([City] IS NOT NULL)
WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, SORT_IN_TEMPDB = OFF, DROP_EXISTING = OFF, ONLINE = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
GO
/****** Object:  Index [UX_Customer_Guid]    Script Date: 5/1/2024 8:00:00 AM ******/
CREATE UNIQUE NONCLUSTERED INDEX [UX_Customer_Guid] ON [sales].[Customer]
(
	[CustomerGuid] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, SORT_IN_TEMPDB = OFF, IGNORE_DUP_KEY = OFF, DROP_EXISTING = OFF, ONLINE = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
GO
ALTER TABLE [sales].[Customer] ADD  CONSTRAINT [DF_Customer_IsActive]  DEFAULT ((1)) FOR [IsActive]
GO
ALTER TABLE [sales].[Customer] ADD  CONSTRAINT [DF_Customer_CreatedAt]  DEFAULT (getdate()) FOR [CreatedAt]
GO
ALTER TABLE [sales].[Customer] ADD  DEFAULT (NEXT VALUE FOR [sales].[OrderNumbers]) FOR [OrderNumber]
GO
