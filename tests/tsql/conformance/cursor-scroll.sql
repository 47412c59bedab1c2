-- construct: scrollable, KEYSET and DYNAMIC cursors, FETCH PRIOR / FIRST / LAST / ABSOLUTE / RELATIVE
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/language-elements/declare-cursor-transact-sql
-- compat on duckdb, postgres at 5:24: DECLARE CURSOR SCROLL
-- compat on duckdb, postgres at 7:7: FETCH LAST
DECLARE c CURSOR LOCAL SCROLL FOR SELECT 1 AS n UNION ALL SELECT 2;
OPEN c;
FETCH LAST FROM c;
PRINT @@FETCH_STATUS;
-- prints: 0
CLOSE c;
DEALLOCATE c;
