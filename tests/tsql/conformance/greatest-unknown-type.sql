-- construct: GREATEST / LEAST of a column whose type the statement does not show
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/logical-functions-greatest-transact-sql
DROP TABLE IF EXISTS dbo.studies;
-- The result has the type of highest precedence among the arguments, and every argument is
-- converted to it; a column's type is not known when the statement is compiled: CAST it.
CREATE TABLE dbo.studies (VarX VARCHAR(10) NOT NULL, Correlation DECIMAL(4, 3) NULL);
INSERT INTO dbo.studies VALUES ('Var1', 0.2), ('Var2', 0.825), ('Var3', 0.61);
PRINT @@ROWCOUNT;
-- prints: 3
DECLARE @VarX DECIMAL(4, 3) = 0.59;
SELECT VarX, Correlation, GREATEST(Correlation, 0, @VarX) AS GreatestVar FROM dbo.studies;
-- compat on duckdb, postgres at 11:27: GREATEST()
