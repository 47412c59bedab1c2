-- construct: sp_addextendedproperty / sp_updateextendedproperty / sp_dropextendedproperty, fn_listextendedproperty, sys.extended_properties
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/system-stored-procedures/sp-addextendedproperty-transact-sql
DROP VIEW IF EXISTS dbo.conf_described_view;
DROP TABLE IF EXISTS dbo.conf_described;
GO
IF EXISTS (SELECT 1 FROM fn_listextendedproperty(N'conf_owner', N'SCHEMA', N'dbo', NULL, NULL, NULL, NULL))
    EXEC sp_dropextendedproperty N'conf_owner', N'SCHEMA', N'dbo';
GO
CREATE TABLE dbo.conf_described (id INT NOT NULL, amount DECIMAL(10, 2) NULL);
GO
CREATE VIEW dbo.conf_described_view AS SELECT id FROM dbo.conf_described;
GO
DECLARE @text NVARCHAR(200), @count INT, @minor INT;
-- Named arguments, as SSDT writes them.
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'Described table',
    @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'conf_described';
-- Positional arguments, sys. prefix, a bare word as the value.
EXEC sys.sp_addextendedproperty N'Caption', Amount, N'SCHEMA', N'dbo', N'TABLE', N'conf_described', N'COLUMN', N'amount';
EXEC dbo.sp_addextendedproperty N'MS_Description', N'A view', 'schema', 'dbo', 'view', 'conf_described_view';
EXEC sp_addextendedproperty N'conf_owner', N'Data team', N'SCHEMA', N'dbo';
EXEC sp_addextendedproperty @name = N'conf_version', @value = 3, @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'conf_described';
SELECT @text = CAST(value AS NVARCHAR(200))
FROM fn_listextendedproperty(N'MS_Description', N'SCHEMA', N'dbo', N'TABLE', N'conf_described', NULL, NULL);
PRINT @text;
-- prints: Described table
SELECT @text = CONCAT(objtype, N' ', objname, N' ', name, N' ', CAST(value AS NVARCHAR(200)))
FROM fn_listextendedproperty(DEFAULT, N'SCHEMA', N'dbo', N'TABLE', N'conf_described', N'COLUMN', DEFAULT);
PRINT @text;
-- prints: COLUMN amount Caption Amount
SELECT @text = CONCAT(objtype, N' ', objname, N' ', CAST(value AS NVARCHAR(200)))
FROM fn_listextendedproperty(N'conf_owner', N'SCHEMA', N'dbo', DEFAULT, DEFAULT, DEFAULT, DEFAULT);
PRINT @text;
-- prints: SCHEMA dbo Data team
SELECT @count = CAST(value AS INT) + 1
FROM fn_listextendedproperty(N'conf_version', N'schema', N'dbo', N'table', N'conf_described', NULL, NULL);
PRINT @count;
-- prints: 4
-- The view lists a table's properties and its columns' by the object's id.
SELECT @count = COUNT(*) FROM sys.extended_properties
WHERE class = 1 AND major_id = OBJECT_ID(N'dbo.conf_described');
SELECT @minor = minor_id FROM sys.extended_properties
WHERE major_id = OBJECT_ID(N'dbo.conf_described') AND name = N'Caption';
PRINT CONCAT(@count, N' ', @minor);
-- prints: 3 2
-- A value from a variable; property names ignore case.
SET @text = N'Described again';
EXEC sp_updateextendedproperty @name = N'ms_description', @value = @text,
    @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'conf_described';
SELECT @text = CAST(value AS NVARCHAR(200))
FROM fn_listextendedproperty(N'MS_Description', N'SCHEMA', N'dbo', N'TABLE', N'conf_described', NULL, NULL);
PRINT @text;
-- prints: Described again
-- The procedures run in the caller's transaction: a ROLLBACK undoes them.
BEGIN TRANSACTION;
EXEC sp_dropextendedproperty N'Caption', N'SCHEMA', N'dbo', N'TABLE', N'conf_described', N'COLUMN', N'amount';
SELECT @count = COUNT(*) FROM sys.extended_properties WHERE major_id = OBJECT_ID(N'dbo.conf_described');
PRINT @count;
-- prints: 2
ROLLBACK TRANSACTION;
SELECT @count = COUNT(*) FROM sys.extended_properties WHERE major_id = OBJECT_ID(N'dbo.conf_described');
PRINT @count;
-- prints: 3
GO
-- A property goes with its object: a table created again has none.
DROP VIEW dbo.conf_described_view;
DROP TABLE dbo.conf_described;
GO
CREATE TABLE dbo.conf_described (id INT NOT NULL);
GO
DECLARE @count INT;
SELECT @count = COUNT(*)
FROM fn_listextendedproperty(NULL, N'SCHEMA', N'dbo', N'TABLE', N'conf_described', NULL, NULL);
PRINT @count;
-- prints: 0
EXEC sp_addextendedproperty N'MS_Description', N'New table', N'SCHEMA', N'dbo', N'TABLE', N'conf_described';
EXEC sp_dropextendedproperty @name = N'conf_owner', @level0type = N'SCHEMA', @level0name = N'dbo';
SELECT @count = COUNT(*)
FROM fn_listextendedproperty(N'conf_owner', N'SCHEMA', N'dbo', NULL, NULL, NULL, NULL);
PRINT @count;
-- prints: 0
DROP TABLE dbo.conf_described;
