DECLARE @started DATETIME2 = SYSUTCDATETIME(), @n INT;
PRINT CONCAT('started at ', CONVERT(VARCHAR(30), @started, 126));
SELECT @n = COUNT(*) FROM stage.Policies;
PRINT 'rows in stage.Policies: ' + CAST(@n AS VARCHAR(10));
INSERT INTO dbo.Policies (PolicyId, PolicyNumber, BrokerId, ProductCode, InceptionDate, AnnualPremium)
SELECT PolicyId, PolicyNumber, BrokerId, ProductCode, InceptionDate, AnnualPremium FROM stage.Policies;
PRINT 'took ' + CAST(DATEDIFF(MILLISECOND, @started, SYSUTCDATETIME()) AS VARCHAR(10)) + ' ms';
