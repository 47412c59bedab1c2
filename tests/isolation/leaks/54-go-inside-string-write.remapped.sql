INSERT INTO poc_etl.notes (txt) VALUES ('first
GO
second');
GO
/*
GO
*/
DELETE FROM [poc_dbo].[Brokers] WHERE id < 0;
