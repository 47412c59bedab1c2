CREATE SEQUENCE [sales].[InvoiceNumbers] AS [bigint] START WITH 1 INCREMENT BY 1
GO
CREATE TABLE [sales].[Invoice](
	[InvoiceID] [bigint] NOT NULL,
	[Amount] [money] NOT NULL,
 CONSTRAINT [PK_Invoice] PRIMARY KEY CLUSTERED ([InvoiceID] ASC)
) ON [PRIMARY]
GO
ALTER TABLE [sales].[Invoice] ADD  DEFAULT (NEXT VALUE FOR [sales].[InvoiceNumbers]) FOR [InvoiceID]
GO
