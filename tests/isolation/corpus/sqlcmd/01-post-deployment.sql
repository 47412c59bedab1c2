/*
Post-Deployment Script Template
*/
:setvar LoadDate "2024-01-01"
:r .\ReferenceData\Regions.sql
:r .\ReferenceData\Products.sql
PRINT N'Reference data loaded for $(LoadDate)'
GO
