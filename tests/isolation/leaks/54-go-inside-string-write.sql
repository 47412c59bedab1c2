INSERT INTO etl.notes (txt) VALUES ('first
GO
second');
GO
/*
GO
*/
DELETE FROM [dbo].[Brokers] WHERE id < 0;
