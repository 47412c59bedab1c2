-- construct: HASHBYTES value
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/hashbytes-transact-sql
-- The hash of the bytes SQL Server stores (UTF-16 for NVARCHAR, the code page for
-- VARCHAR) cannot be reproduced by the embedded engines: refused.
-- compat on duckdb, postgres at 7:28: HASHBYTES()
-- SHA-256 of the three bytes 'abc' (the standard test vector).
PRINT CONVERT(VARCHAR(66), HASHBYTES('SHA2_256', CAST('abc' AS VARCHAR(3))), 1);
-- prints: 0xBA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD
