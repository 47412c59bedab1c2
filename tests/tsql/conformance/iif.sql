-- construct: IIF
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/logical-functions-iif-transact-sql
DECLARE @a INT = 45, @b INT = 40;
PRINT IIF(@a > @b, 'TRUE', 'FALSE');
-- prints: TRUE
-- A NULL condition is not true: the false value is returned.
DECLARE @P INT = NULL, @S INT = NULL;
PRINT ISNULL(IIF(45 > 30, @P, @S), -1);
-- prints: -1
PRINT IIF(NULL > 1, 'yes', 'no');
-- prints: no
