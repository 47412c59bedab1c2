CREATE OR ALTER PROCEDURE etl.usp_Cleanup
AS
BEGIN
    DROP TABLE IF EXISTS stage.Brokers_Old, stage.Policies_Old;
    DROP VIEW IF EXISTS dbo.vBrokers_Old;
    IF OBJECT_ID(N'dbo.usp_Obsolete', N'P') IS NOT NULL
        DROP PROCEDURE dbo.usp_Obsolete;
    IF EXISTS (SELECT * FROM sys.indexes WHERE name = N'IX_Old' AND object_id = OBJECT_ID(N'dbo.Policies'))
        DROP INDEX IX_Old ON dbo.Policies;
END
GO
