/*
    12-purge-dormant-brokers.sql
    Brokers without business for two years are archived by the broker-maintenance job.
    The table name comes from the job's settings, so the DELETE is built at run time.
*/
SET NOCOUNT ON;

DECLARE @settings_schema NVARCHAR(128) = N'dbo';
DECLARE @target NVARCHAR(300) = @settings_schema + N'.Brokers';
DECLARE @purge NVARCHAR(MAX) = N'DELETE FROM ' + @target + N' WHERE BrokerId <= 90';

EXEC sp_executesql @purge;  -- etlcheck: allow reviewed with the broker-maintenance team

PRINT CONCAT(N'dormant brokers archived: ', @@ROWCOUNT);
GO
