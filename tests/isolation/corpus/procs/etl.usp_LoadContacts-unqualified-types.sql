-- Types created and used without a schema: SQL Server looks them up in the default
-- schema, then dbo.
CREATE TYPE PhoneNumber FROM VARCHAR(20) NOT NULL;
GO
CREATE TYPE ContactList AS TABLE (contact_id INT NOT NULL PRIMARY KEY, phone PhoneNumber);
GO
CREATE TABLE etl.stg_contacts (
    contact_id INT NOT NULL,
    phone PhoneNumber,
    profile XML(CONTENT ContactProfileSchema) NULL
);
GO
CREATE OR ALTER PROCEDURE etl.usp_LoadContacts
    @contacts ContactList READONLY,
    @default_phone AS PhoneNumber = '000',
    @loaded INT OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @rejected TABLE (contact_id INT NOT NULL, phone PhoneNumber NULL);
    DECLARE @first PhoneNumber = (SELECT TOP (1) phone FROM @contacts ORDER BY contact_id);
    INSERT INTO etl.stg_contacts (contact_id, phone)
    SELECT contact_id, COALESCE(phone, CAST(@default_phone AS PhoneNumber))
    FROM @contacts;
    SET @loaded = @@ROWCOUNT;
    PRINT CONVERT(PhoneNumber, @first);
END
GO
CREATE FUNCTION etl.fn_NormalisePhone (@phone PhoneNumber)
RETURNS PhoneNumber
AS
BEGIN
    RETURN REPLACE(@phone, ' ', '');
END
GO
