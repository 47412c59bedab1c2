-- construct: ALTER INDEX … DISABLE
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/alter-index-transact-sql
DROP TABLE IF EXISTS dbo.stage_rows;
-- A disabled unique index lets duplicates in; a disabled clustered index makes its table
-- unreadable. Neither is emulated.
CREATE TABLE dbo.stage_rows (id INT NOT NULL);
CREATE UNIQUE INDEX ux_stage_rows ON dbo.stage_rows (id);
INSERT INTO dbo.stage_rows VALUES (1), (2);
PRINT @@ROWCOUNT;
-- prints: 2
ALTER INDEX ux_stage_rows ON dbo.stage_rows DISABLE;
-- compat on duckdb, postgres at 11:45: ALTER INDEX … DISABLE
