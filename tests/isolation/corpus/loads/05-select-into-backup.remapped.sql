IF OBJECT_ID('sbx_dbo.Policies_Backup') IS NOT NULL DROP TABLE sbx_dbo.Policies_Backup;
SELECT * INTO sbx_dbo.Policies_Backup FROM sbx_dbo.Policies;
SELECT TOP (0) * INTO #policies FROM sbx_dbo.Policies;
INSERT INTO #policies SELECT * FROM sbx_dbo.Policies WHERE InceptionDate >= '2024-01-01';
