-- construct: extended property errors: 15600, 15135, 15233, 15217, 15097, 201, 8145
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/errors-events/database-engine-events-and-errors-15000-to-15999
DROP VIEW IF EXISTS dbo.conf_prop_view;
DROP TABLE IF EXISTS dbo.conf_prop_errors;
GO
CREATE TABLE dbo.conf_prop_errors (id INT NOT NULL);
GO
CREATE VIEW dbo.conf_prop_view AS SELECT id FROM dbo.conf_prop_errors;
GO
EXEC sp_addextendedproperty N'MS_Description', N'Errors', N'SCHEMA', N'dbo', N'TABLE', N'conf_prop_errors';
DECLARE @long NVARCHAR(4000) = REPLICATE(N'x', 3751);
-- 15600: a NULL name, a level type without its name, a level type SQL Server does not know.
BEGIN TRY
    EXEC sp_addextendedproperty NULL, N'x', N'SCHEMA', N'dbo';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 15600
BEGIN TRY
    EXEC sp_addextendedproperty @name = N'p', @value = N'x', @level0type = N'SCHEMA';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 15600
BEGIN TRY
    EXEC sp_addextendedproperty N'p', N'x', N'SCHEMA', N'dbo', N'TABEL', N'conf_prop_errors';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 15600
-- 15135: no such table, column or schema, or a view named as a TABLE.
BEGIN TRY
    EXEC sp_addextendedproperty N'p', N'x', N'SCHEMA', N'dbo', N'TABLE', N'conf_prop_missing';
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), N' ', ERROR_MESSAGE());
END CATCH
-- prints: 15135 Object is invalid. Extended properties are not permitted on 'dbo.conf_prop_missing', or the object does not exist.
BEGIN TRY
    EXEC sp_addextendedproperty N'p', N'x', N'SCHEMA', N'dbo', N'TABLE', N'conf_prop_errors', N'COLUMN', N'nope';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 15135
BEGIN TRY
    EXEC sp_addextendedproperty N'p', N'x', N'SCHEMA', N'conf_no_such_schema';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 15135
BEGIN TRY
    EXEC sp_addextendedproperty N'p', N'x', N'SCHEMA', N'dbo', N'TABLE', N'conf_prop_view';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 15135
-- 15233: the object has the property already (names ignore case).
BEGIN TRY
    EXEC sp_addextendedproperty N'ms_description', N'again', N'SCHEMA', N'dbo', N'TABLE', N'conf_prop_errors';
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), N' ', ERROR_MESSAGE());
END CATCH
-- prints: 15233 Property cannot be added. Property 'ms_description' already exists for 'dbo.conf_prop_errors'.
-- 15217: updating or dropping a property the object does not have.
BEGIN TRY
    EXEC sp_updateextendedproperty N'Owner', N'x', N'SCHEMA', N'dbo', N'TABLE', N'conf_prop_errors';
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), N' ', ERROR_MESSAGE());
END CATCH
-- prints: 15217 Property cannot be updated or deleted. Property 'Owner' does not exist for 'dbo.conf_prop_errors'.
BEGIN TRY
    EXEC sp_dropextendedproperty N'Owner', N'SCHEMA', N'dbo', N'TABLE', N'conf_prop_errors';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 15217
-- 15097: a value over 7,500 bytes (3,751 NVARCHAR characters).
BEGIN TRY
    EXEC sp_addextendedproperty N'Long', @long, N'SCHEMA', N'dbo', N'TABLE', N'conf_prop_errors';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 15097
-- 201 and 8145: a missing @name, a parameter the procedure does not have.
BEGIN TRY
    EXEC sp_addextendedproperty @value = N'x';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 201
BEGIN TRY
    EXEC sp_dropextendedproperty @name = N'MS_Description', @value = N'x';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 8145
DROP VIEW dbo.conf_prop_view;
DROP TABLE dbo.conf_prop_errors;
