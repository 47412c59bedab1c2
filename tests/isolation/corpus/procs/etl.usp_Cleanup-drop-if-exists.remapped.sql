CREATE OR ALTER PROCEDURE sbx_etl.usp_Cleanup
AS
BEGIN
    DROP TABLE IF EXISTS sbx_stage.Brokers_Old, sbx_stage.Policies_Old;
    DROP VIEW IF EXISTS sbx_dbo.vBrokers_Old;
    IF OBJECT_ID(N'sbx_dbo.usp_Obsolete', N'P') IS NOT NULL
        DROP PROCEDURE sbx_dbo.usp_Obsolete;
    IF EXISTS (SELECT * FROM sys.indexes WHERE name = N'IX_Old' AND object_id = OBJECT_ID(N'sbx_dbo.Policies'))
        DROP INDEX IX_Old ON sbx_dbo.Policies;
END
GO
