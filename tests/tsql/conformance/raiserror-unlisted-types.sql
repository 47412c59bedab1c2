-- construct: RAISERROR with a decimal argument or a %f specification (types it does not list)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/language-elements/raiserror-transact-sql
-- Substitution parameters may be tinyint, smallint, int, char, varchar, nchar, nvarchar,
-- binary or varbinary, "No other data types are supported", and the type specifications
-- are d, i, o, s, u, x, X: what SQL Server does with others is not documented.
RAISERROR('%s has %d rows', 10, 1, N'DimCustomer', 5);
-- prints: DimCustomer has 5 rows
RAISERROR('share %d', 10, 1, 71.4);
-- compat on duckdb, postgres at 8:30: RAISERROR argument 71.4
RAISERROR(N'share %5.2f%%', 10, 1, 7);
-- compat on duckdb, postgres at 10:1: RAISERROR %5.2f
