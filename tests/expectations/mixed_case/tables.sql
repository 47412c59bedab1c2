CREATE TABLE poc_etl.meter (meter_id INT NOT NULL, kwh DECIMAL(12, 3) NOT NULL);
INSERT INTO poc_etl.meter (meter_id, kwh) VALUES (1, 10.5), (2, 20.0);
CREATE TABLE [poc_etl].[Customers] ([CustomerId] INT NOT NULL PRIMARY KEY, [Name] NVARCHAR(50) NOT NULL);
INSERT INTO [poc_etl].[Customers] ([CustomerId], [Name]) VALUES (1, N'Ada'), (2, N'Grace');
CREATE TABLE [poc_etl].[Invoices] ([InvoiceId] INT NOT NULL PRIMARY KEY, [CustomerId] INT NOT NULL, [Kwh] DECIMAL(12, 3) NOT NULL);
INSERT INTO [poc_etl].[Invoices] ([InvoiceId], [CustomerId], [Kwh]) VALUES (10, 1, 100.0), (11, 2, 250.5), (12, 9, 75.0);
