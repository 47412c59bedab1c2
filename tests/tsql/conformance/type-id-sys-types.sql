-- construct: TYPE_ID / TYPE_NAME, sys.types and sys.table_types of user-defined types
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/type-id-transact-sql
-- TYPE_ID ( [ schema_name ] type_name ) returns the type's id, NULL when the name is no
-- type. TYPE_NAME returns the unqualified name of a type id
-- (https://learn.microsoft.com/en-us/sql/t-sql/functions/type-name-transact-sql).
-- sys.types has a row for each user-defined type: is_user_defined = 1, its schema_id, its
-- user_type_id (https://learn.microsoft.com/en-us/sql/relational-databases/system-catalog-views/sys-types-transact-sql);
-- sys.table_types those of the table types, is_table_type = 1
-- (https://learn.microsoft.com/en-us/sql/relational-databases/system-catalog-views/sys-table-types-transact-sql).
DROP TYPE IF EXISTS dbo.conf_tid_code;
DROP TYPE IF EXISTS dbo.conf_tid_rows;
GO
IF TYPE_ID(N'dbo.conf_tid_code') IS NULL
    CREATE TYPE dbo.conf_tid_code FROM NVARCHAR(10) NOT NULL;
CREATE TYPE dbo.conf_tid_rows AS TABLE (id INT NOT NULL PRIMARY KEY);
GO
PRINT CONCAT(IIF(TYPE_ID('conf_tid_code') = TYPE_ID('dbo.conf_tid_code'), N'same', N'differ'),
    N' ', ISNULL(TYPE_ID('dbo.conf_tid_nothing'), 0));
-- prints: same 0
PRINT CONCAT(TYPE_NAME(TYPE_ID('dbo.conf_tid_code')), N' ', TYPE_NAME(TYPE_ID('[dbo].[conf_tid_rows]')));
-- prints: conf_tid_code conf_tid_rows
PRINT (SELECT STRING_AGG(CONCAT(name, N':', CAST(is_user_defined AS INT), CAST(is_table_type AS INT)), N',')
    WITHIN GROUP (ORDER BY name) FROM sys.types
    WHERE name LIKE N'conf[_]tid[_]%' AND schema_id = SCHEMA_ID(N'dbo'));
-- prints: conf_tid_code:10,conf_tid_rows:11
PRINT (SELECT COUNT(*) FROM sys.table_types
    WHERE name = N'conf_tid_rows' AND user_type_id = TYPE_ID(N'dbo.conf_tid_rows'));
-- prints: 1
GO
DROP TYPE dbo.conf_tid_rows;
IF TYPE_ID(N'dbo.conf_tid_code') IS NOT NULL
    DROP TYPE dbo.conf_tid_code;
PRINT (SELECT COUNT(*) FROM sys.types WHERE name LIKE N'conf[_]tid[_]%');
-- prints: 0
