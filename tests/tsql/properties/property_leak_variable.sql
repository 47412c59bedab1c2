/* 20-stamp.sql: stamps the table's description; the schema's name is built at run time,
   so the remap cannot rewrite it. The team allowed the lint finding, wrongly. */
SET NOCOUNT ON;
DECLARE @schema SYSNAME = N'd' + N'w';
-- etlcheck: allow the stamp goes to the sandbox copy (it does not)
EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = N'Stamped by the nightly load.', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'customer_totals';
GO
