-- Column names that PostgreSQL's own catalog queries also use unquoted (name, type,
-- schema): GX must still send each as written.
CREATE TABLE [poc_etl].[People] ([PersonId] INT NOT NULL PRIMARY KEY, [Name] NVARCHAR(50) NULL, [Type] NVARCHAR(10) NOT NULL, [Schema] NVARCHAR(10) NOT NULL);
INSERT INTO [poc_etl].[People] ([PersonId], [Name], [Type], [Schema]) VALUES (1, N'Ada', N'a', N's'), (2, NULL, N'b', N's'), (3, N'Grace', N'a', N's');
