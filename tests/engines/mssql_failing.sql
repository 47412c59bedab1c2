CREATE TABLE poc_etl.ok (id int);
GO
DECLARE @n int = 1;

INSERT INTO etl.missing (id)
VALUES (@n);
GO
PRINT 'never sent'
