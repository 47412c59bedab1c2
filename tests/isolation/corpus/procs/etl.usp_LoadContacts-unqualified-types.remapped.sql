-- Types created and used without a schema: SQL Server looks them up in the default
-- schema, then dbo.
CREATE TYPE sbx_dbo.PhoneNumber FROM VARCHAR(20) NOT NULL;
GO
CREATE TYPE sbx_dbo.ContactList AS TABLE (contact_id INT NOT NULL PRIMARY KEY, phone sbx_dbo.PhoneNumber);
GO
CREATE TABLE sbx_etl.stg_contacts (
    contact_id INT NOT NULL,
    phone sbx_dbo.PhoneNumber,
    profile XML(CONTENT ContactProfileSchema) NULL
);
GO
CREATE OR ALTER PROCEDURE sbx_etl.usp_LoadContacts
    @contacts sbx_dbo.ContactList READONLY,
    @default_phone AS sbx_dbo.PhoneNumber = '000',
    @loaded INT OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @rejected TABLE (contact_id INT NOT NULL, phone sbx_dbo.PhoneNumber NULL);
    DECLARE @first sbx_dbo.PhoneNumber = (SELECT TOP (1) phone FROM @contacts ORDER BY contact_id);
    INSERT INTO sbx_etl.stg_contacts (contact_id, phone)
    SELECT contact_id, COALESCE(phone, CAST(@default_phone AS sbx_dbo.PhoneNumber))
    FROM @contacts;
    SET @loaded = @@ROWCOUNT;
    PRINT CONVERT(sbx_dbo.PhoneNumber, @first);
END
GO
CREATE FUNCTION sbx_etl.fn_NormalisePhone (@phone sbx_dbo.PhoneNumber)
RETURNS sbx_dbo.PhoneNumber
AS
BEGIN
    RETURN REPLACE(@phone, ' ', '');
END
GO
