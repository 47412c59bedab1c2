-- construct: Named DEFAULT constraints (CONSTRAINT n DEFAULT, ADD … FOR, DROP CONSTRAINT)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/alter-table-transact-sql
-- "WITH VALUES … If this is used when the related column isn't also being added, it has
-- no effect." A default's name is an object of its schema (OBJECT_ID(…, 'D')); DROP
-- CONSTRAINT takes the column's default away; a column with a default cannot be dropped
-- (5074, then 4922: the error a CATCH block sees). sys.default_constraints lists them
-- (https://learn.microsoft.com/en-us/sql/relational-databases/system-catalog-views/sys-default-constraints-transact-sql).
DROP TABLE IF EXISTS dbo.named_feed;
CREATE TABLE dbo.named_feed (
    code NVARCHAR(20) NOT NULL,
    feed_date DATE NOT NULL CONSTRAINT DF_named_feed_date DEFAULT ('2024-02-01'),
    batch INT NULL,
    CONSTRAINT PK_named_feed PRIMARY KEY (code));
INSERT INTO dbo.named_feed (code) VALUES (N'a');
ALTER TABLE dbo.named_feed ADD CONSTRAINT DF_named_feed_batch DEFAULT (7) FOR batch WITH VALUES;
INSERT INTO dbo.named_feed (code) VALUES (N'b');
PRINT (SELECT STRING_AGG(CONCAT(code, ':', feed_date, ':', ISNULL(batch, -1)), ',')
    WITHIN GROUP (ORDER BY code) FROM dbo.named_feed);
-- prints: a:2024-02-01:-1,b:2024-02-01:7
PRINT IIF(OBJECT_ID(N'dbo.DF_named_feed_date', N'D') IS NULL, 'none', 'has');
-- prints: has
PRINT (SELECT STRING_AGG(CONCAT(d.name, ' ', c.name, ' ', d.definition, ' ',
        CAST(d.is_system_named AS INT)), ',') WITHIN GROUP (ORDER BY d.name)
    FROM sys.default_constraints AS d
    JOIN sys.columns AS c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
    WHERE d.parent_object_id = OBJECT_ID(N'dbo.named_feed', N'U'));
-- prints: DF_named_feed_batch batch ((7)) 0,DF_named_feed_date feed_date ('2024-02-01') 0
BEGIN TRY
    ALTER TABLE dbo.named_feed DROP COLUMN feed_date;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 4922
IF OBJECT_ID(N'dbo.DF_named_feed_date', N'D') IS NOT NULL
    ALTER TABLE dbo.named_feed DROP CONSTRAINT DF_named_feed_date;
PRINT IIF(OBJECT_ID(N'dbo.DF_named_feed_date', N'D') IS NULL, 'none', 'has');
-- prints: none
BEGIN TRY
    INSERT INTO dbo.named_feed (code) VALUES (N'c');
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 515
ALTER TABLE dbo.named_feed DROP CONSTRAINT IF EXISTS DF_named_feed_date;
ALTER TABLE dbo.named_feed DROP COLUMN feed_date;
PRINT IIF(COL_LENGTH(N'dbo.named_feed', N'feed_date') IS NULL, 'dropped', 'there');
-- prints: dropped
DROP TABLE dbo.named_feed;
