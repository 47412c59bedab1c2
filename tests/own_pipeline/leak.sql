/* 03-tidy.sql: a tidy-up step that builds its target's name at run time. */
SET NOCOUNT ON;

DECLARE @target NVARCHAR(100) = N'lib' + N'.Loans';
EXEC(N'DELETE FROM ' + @target + N' WHERE ReturnedOn IS NOT NULL');
GO
