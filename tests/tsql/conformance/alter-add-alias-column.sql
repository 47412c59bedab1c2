-- construct: ALTER TABLE … ADD a column of an alias type (CREATE TYPE … FROM base_type)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/alter-table-column-definition-transact-sql
-- A column ALTER TABLE adds may be of an alias type ([ type_schema_name . ] type_name): it
-- holds what the base type holds (a DECIMAL(9, 2) rounds to two decimals), and takes the
-- alias's NOT NULL unless it says NULL, as a column of CREATE TABLE does
-- (https://learn.microsoft.com/en-us/sql/t-sql/statements/create-type-transact-sql), so the
-- rows already there get the DEFAULT and a NULL is refused.
DROP TABLE IF EXISTS dbo.conf_added_items;
DROP TYPE IF EXISTS dbo.conf_added_code;
DROP TYPE IF EXISTS dbo.conf_added_amount;
GO
CREATE TYPE dbo.conf_added_code FROM NVARCHAR(5) NOT NULL;
CREATE TYPE dbo.conf_added_amount FROM DECIMAL(9, 2);
GO
CREATE TABLE dbo.conf_added_items (id INT);
INSERT INTO dbo.conf_added_items VALUES (1);
ALTER TABLE dbo.conf_added_items ADD code dbo.conf_added_code
    CONSTRAINT DF_conf_added_items_code DEFAULT (N'none'), amount dbo.conf_added_amount;
ALTER TABLE dbo.conf_added_items ADD note dbo.conf_added_code NULL;
INSERT INTO dbo.conf_added_items VALUES (2, N'abc', 1.234, NULL);
PRINT (SELECT STRING_AGG(CONCAT(id, ':', code, ':', ISNULL(CAST(amount AS NVARCHAR(20)), N'-'),
    ':', ISNULL(note, N'-')), ',') WITHIN GROUP (ORDER BY id) FROM dbo.conf_added_items);
-- prints: 1:none:-:-,2:abc:1.23:-
BEGIN TRY
    INSERT INTO dbo.conf_added_items VALUES (3, NULL, 1, NULL);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 515
GO
DROP TABLE dbo.conf_added_items;
DROP TYPE dbo.conf_added_code;
DROP TYPE dbo.conf_added_amount;
