IF OBJECT_ID('dbo.Policies_Backup') IS NOT NULL DROP TABLE dbo.Policies_Backup;
SELECT * INTO dbo.Policies_Backup FROM dbo.Policies;
SELECT TOP (0) * INTO #policies FROM dbo.Policies;
INSERT INTO #policies SELECT * FROM dbo.Policies WHERE InceptionDate >= '2024-01-01';
