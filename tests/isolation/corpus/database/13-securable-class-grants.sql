-- Permissions on securables whose class is spelled in words before '::'.
CREATE XML SCHEMA COLLECTION PolicyDocumentSchema AS
N'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:element name="policy" type="xsd:string"/></xsd:schema>';
GO
CREATE XML SCHEMA COLLECTION etl.ClaimDocumentSchema AS
N'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:element name="claim" type="xsd:string"/></xsd:schema>';
GO
GRANT EXECUTE ON XML SCHEMA COLLECTION::PolicyDocumentSchema TO etl_loader;
GRANT REFERENCES ON XML SCHEMA COLLECTION::[etl].[ClaimDocumentSchema] TO etl_loader;
DENY ALTER ON XML SCHEMA COLLECTION::etl.ClaimDocumentSchema TO reporting;
ALTER AUTHORIZATION ON XML SCHEMA COLLECTION::PolicyDocumentSchema TO dbo;
GO
GRANT CONTROL ON SYMMETRIC KEY::PolicyKey TO etl_loader;
GRANT VIEW DEFINITION ON ASYMMETRIC KEY::PolicyKeyProtector TO etl_loader;
GRANT REFERENCES ON FULLTEXT CATALOG::PolicyCatalog TO etl_loader;
GRANT SEND ON SERVICE::[//warehouse/LoadService] TO etl_loader;
GRANT REFERENCES ON MESSAGE TYPE::[//warehouse/LoadRequest] TO etl_loader;
GO
DROP XML SCHEMA COLLECTION PolicyDocumentSchema;
GO
