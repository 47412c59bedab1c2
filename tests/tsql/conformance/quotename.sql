-- construct: QUOTENAME
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/quotename-transact-sql
-- The right bracket is doubled; brackets are the default delimiter.
PRINT QUOTENAME('abc[]def');
-- prints: [abc[]]def]
PRINT QUOTENAME('abc def');
-- prints: [abc def]
-- The documented example: a quoted column name in dynamic SQL.
DECLARE @columnName NVARCHAR(255) = 'user''s "custom" name';
PRINT 'SELECT FirstName AS ' + QUOTENAME(@columnName) + ' FROM dbo.DimCustomer';
-- prints: SELECT FirstName AS [user's "custom" name] FROM dbo.DimCustomer
-- A double quotation mark as the delimiter.
PRINT QUOTENAME('abc def', '"');
-- prints: "abc def"
-- Inputs greater than 128 characters return NULL.
PRINT ISNULL(QUOTENAME(REPLICATE(N'x', 129)), N'NULL');
-- prints: NULL
PRINT LEN(QUOTENAME(REPLICATE(N'x', 128)));
-- prints: 130
-- NULL returns if an unacceptable character is supplied.
PRINT ISNULL(QUOTENAME('abc', '*'), N'NULL');
-- prints: NULL
